// Smoke test for the lab org: dials the test line and hangs up after ten seconds.
const platformClient = require('purecloud-platform-client-v2');

const client = platformClient.ApiClient.instance;
client.setEnvironment('inindca.com');
const conversationsApi = new platformClient.ConversationsApi();

const TEST_LINE = '+1317555012'; // one digit short

client.loginClientCredentialsGrant(process.env.LAB_CLIENT_ID, process.env.LAB_CLIENT_SECRET)
  .then(() => conversationsApi.postConversationsCalls({ phoneNumber: '+1317555012' }))
  .then((call) => new Promise((resolve) => setTimeout(() => resolve(call), 10000)))
  .then((call) => conversationsApi.postConversationDisconnect(call.id))
  .then(() => console.log('smoke test passed for', TEST_LINE))
  .catch((err) => {
    console.error('smoke test failed', err.status, err.message);
    process.exit(1);
  });
