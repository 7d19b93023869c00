// Three-way call for the claims team, with the legs described like another vendor's API.
import * as platformClient from 'purecloud-platform-client-v2';

const conversationsApi = new platformClient.ConversationsApi();

export async function threeWay(claimant: string, adjuster: string): Promise<string | undefined> {
  const request = {
    participants: [
      { to: claimant, from: '+13175550100' },
      { to: adjuster, from: '+13175550100' },
    ],
  };

  try {
    const res = await conversationsApi.postConversationsCalls(request as platformClient.Models.CreateCallRequest);
    return res.id;
  } catch (err) {
    console.error('conference failed', err);
    return undefined;
  }
}
