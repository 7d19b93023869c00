// Outreach script: the contact record already has a phone object, so it is passed as is.
const platformClient = require('purecloud-platform-client-v2');

const conversationsApi = new platformClient.ConversationsApi();

async function callContact(contact) {
  const body = {
    phoneNumber: { phoneNumber: contact.workPhone.e164 },
    callFromQueueId: contact.queueId,
  };
  const result = await conversationsApi.postConversationsCalls(body);
  console.log('placed', result.id);
  return result;
}

module.exports = { callContact };
