// Rings the customer and "assigns" the call to the account owner in one request.
const platformClient = require('purecloud-platform-client-v2');

const client = platformClient.ApiClient.instance;
client.setEnvironment('mypurecloud.com');
const conversationsApi = new platformClient.ConversationsApi();

function callForOwner(account) {
  let body = {
    phoneNumber: account.primaryPhone,
    callUserId: account.ownerUserId, // the agent who should take it
    callerIdName: 'Acme Accounts',
  };

  return conversationsApi.postConversationsCalls(body)
    .then((data) => data.id)
    .catch((err) => {
      console.error(`call for ${account.id} failed`, err.body && err.body.code);
      return null;
    });
}

client.loginClientCredentialsGrant(process.env.CLIENT_ID, process.env.CLIENT_SECRET)
  .then(() => callForOwner({ id: 'A-1009', primaryPhone: '+13175550123', ownerUserId: 'u-1' }))
  .then((id) => console.log('conversation', id));
