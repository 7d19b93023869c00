// Copied from an "opts" style call elsewhere in the codebase; this method takes the body itself.
const platformClient = require('purecloud-platform-client-v2');

const client = platformClient.ApiClient.instance;
const conversationsApi = new platformClient.ConversationsApi();

async function ringBack(number, queueId) {
  await client.loginClientCredentialsGrant(process.env.GC_ID, process.env.GC_SECRET);
  return conversationsApi.postConversationsCalls({
    body: {
      phoneNumber: number,
      callFromQueueId: queueId,
    },
  });
}

ringBack('+16125550147', process.env.QUEUE_ID)
  .then((call) => console.log('call id', call.id))
  .catch((err) => console.error(err.status, err.message));
