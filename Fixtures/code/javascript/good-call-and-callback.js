// "Call me now" dials the customer from the support queue; "call me later" schedules a callback.
const platformClient = require('purecloud-platform-client-v2');

const conversationsApi = new platformClient.ConversationsApi();
const SUPPORT_QUEUE = '4d7a2e91-8c3b-4f05-b6a2-e1d9c0f7358b';

async function handleContactRequest(request) {
  if (request.when === 'now') {
    const callBody = {
      phoneNumber: request.phone,
      callFromQueueId: SUPPORT_QUEUE,
      callerIdName: 'Acme Support',
    };
    return conversationsApi.postConversationsCalls(callBody);
  }

  // A callback is a different request (CreateCallbackCommand), with its own fields.
  const callbackBody = {
    queueId: SUPPORT_QUEUE,
    callbackNumbers: [request.phone],
    callbackUserName: request.name,
    callbackScheduledTime: request.at.toISOString(),
    data: { reason: request.reason, channel: 'web-form' },
  };
  return conversationsApi.postConversationsCallbacks(callbackBody);
}

module.exports = async function handler(event) {
  const request = JSON.parse(event.body);
  try {
    const result = await handleContactRequest(request);
    return { statusCode: 200, body: JSON.stringify({ id: result.id, when: request.when }) };
  } catch (err) {
    console.error('contact request failed', { status: err.status, message: err.message });
    return { statusCode: 502, body: JSON.stringify({ error: 'could not reach support' }) };
  }
};
