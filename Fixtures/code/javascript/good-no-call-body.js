// Supervisor wallboard: lists active calls and hangs one up. It never creates a call.
const platformClient = require('purecloud-platform-client-v2');

const conversationsApi = new platformClient.ConversationsApi();

async function activeCalls() {
  const calls = await conversationsApi.getConversationsCalls();
  return calls.entities.map((c) => ({
    id: c.id,
    from: c.participants[0].address,
    to: c.participants[c.participants.length - 1].address,
    type: 'voice',
  }));
}

async function activeCallsRaw(token) {
  const res = await fetch('https://api.mypurecloud.com/api/v2/conversations/calls', {
    method: 'GET',
    headers: { Authorization: `Bearer ${token}` },
  });
  return res.json();
}

async function hangUp(conversationId, participantId) {
  await conversationsApi.patchConversationsCallParticipant(conversationId, participantId, {
    state: 'disconnected',
  });
}

module.exports = { activeCalls, activeCallsRaw, hangUp };
