import platformClient from 'purecloud-platform-client-v2';
import { logger } from './logger';

export interface Lead {
  phone: string;
  source: 'web' | 'partner' | 'event';
  queueId?: string | null;
}

const loggerConfig = { level: 'info', prefix: 'lead-dialer', json: true };
logger.configure(loggerConfig);

export default async function callLead(
  api: platformClient.ConversationsApi,
  lead: Lead,
  useSalesLine: boolean,
): Promise<string | undefined> {
  const response = await api.postConversationsCalls({
    phoneNumber: lead.phone,
    callerId: useSalesLine ? '+13175550100' : '+13175550188',
    callFromQueueId: lead.queueId ?? undefined,
    label: `lead-${lead.source}`,
  } as platformClient.Models.CreateCallRequest);
  logger.info('call created', { id: response.id, source: lead.source });
  return response.id;
}
