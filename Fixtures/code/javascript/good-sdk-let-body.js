// Places a courtesy call from the billing queue once an invoice is overdue.
const platformClient = require('purecloud-platform-client-v2');

const client = platformClient.ApiClient.instance;
client.setEnvironment(platformClient.PureCloudRegionHosts.us_east_1);

const conversationsApi = new platformClient.ConversationsApi();

const BILLING_QUEUE_ID = '9b2c41e7-05d3-4a8f-b6e1-7c3d2a90f415';

function placeCourtesyCall(invoice) {
  let body = {
    phoneNumber: invoice.customer.mobile,
    callFromQueueId: BILLING_QUEUE_ID,
    callerId: '+13175550100',
    callerIdName: 'Acme Billing',
    label: 'overdue-invoice',
  }; // CreateCallRequest, sent as JSON

  return conversationsApi.postConversationsCalls(body)
    .then((data) => {
      console.log(`Call ${data.id} placed for invoice ${invoice.number}`);
      return data.id;
    })
    .catch((err) => {
      console.error('postConversationsCalls failed', err.status, err.body);
      throw err;
    });
}

client.loginClientCredentialsGrant(process.env.GENESYS_CLIENT_ID, process.env.GENESYS_CLIENT_SECRET)
  .then(() => placeCourtesyCall({ number: 'INV-20931', customer: { mobile: '+16125550147' } }))
  .catch((err) => {
    console.error('Could not place the call', err);
    process.exitCode = 1;
  });
