// Lead follow-up from the marketing backend, written from a forum answer.
import axios from 'axios';

interface FollowUp {
  leadPhone: string;
  campaign: string;
}

const host = process.env.GENESYS_HOST ?? 'https://api.usw2.pure.cloud';

export async function followUp(lead: FollowUp, token: string): Promise<string> {
  const payload = {
    to: lead.leadPhone,
    from: '+13175550100',
    callType: 'outbound',
  };
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

  try {
    const res = await axios.post(`${host}/api/v2/conversations/calls`, payload, { headers });
    return res.data.id as string;
  } catch (err: any) {
    console.error('follow-up failed', err?.response?.status, err?.response?.data?.message);
    throw err;
  }
}
