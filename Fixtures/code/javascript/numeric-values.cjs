// Two dial helpers from the retention tool; the numbers come out of a spreadsheet as numbers.
const platformClient = require('purecloud-platform-client-v2');

const conversationsApi = new platformClient.ConversationsApi();
const RETENTION_QUEUE = '7e3b9d20-4c1f-4a6e-8b52-d0f9a1c6e437';

function dialCustomer() {
  return conversationsApi.postConversationsCalls({
    phoneNumber: 13175550123,
    callFromQueueId: RETENTION_QUEUE,
  });
}

function queueUrgentCall() {
  const body = {
    callQueueId: RETENTION_QUEUE,
    priority: "5",
  };
  return conversationsApi.postConversationsCalls(body);
}

module.exports = { dialCustomer, queueUrgentCall };
