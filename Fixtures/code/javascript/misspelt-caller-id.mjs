// Night-shift dialer: every call should show the hotline number to the customer.
import platformClient from 'purecloud-platform-client-v2';

const HOTLINE = '+13175550100';
const api = new platformClient.ConversationsApi();

export async function dialFromHotline(customer) {
  try {
    const call = await api.postConversationsCalls({
      phoneNumber: customer.phone,
      callerID: HOTLINE,
      callerIdName: 'Acme Hotline',
    });
    return call.id;
  } catch (err) {
    console.error('dial failed', err.status, err.message);
    return undefined;
  }
}
