// Escalation bridge: one call that brings the customer, a specialist line and the supervisor together.
import * as platformClient from 'purecloud-platform-client-v2';

type Escalation = {
  ticket: string;
  supervisorId: string;
};

interface BridgeResult {
  conversationId: string;
  ticket: string;
}

const conversationsApi = new platformClient.ConversationsApi();

export async function startBridge(esc: Escalation): Promise<BridgeResult> {
  const supervisorId: string = esc.supervisorId;
  const body: platformClient.Models.CreateCallRequest = {
    participants: [
      { address: '+442079460958' },
      { address: 'tel:+13175550188' },
      { userId: supervisorId },
    ],
    label: 'escalation-bridge',
  };

  try {
    const created: platformClient.Models.CreateCallResponse = await conversationsApi.postConversationsCalls(body);
    return { conversationId: created.id!, ticket: esc.ticket };
  } catch (e: unknown) {
    const err = e as { status?: number; body?: { message?: string } };
    throw new Error(`bridge for ${esc.ticket} failed: ${err.status} ${err.body?.message ?? ''}`);
  }
}
