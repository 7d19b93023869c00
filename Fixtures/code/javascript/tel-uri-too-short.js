// Ad-hoc conference for incident calls: on-call engineer, vendor bridge and the duty manager.
const platformClient = require('purecloud-platform-client-v2');

const conversationsApi = new platformClient.ConversationsApi();

async function openIncidentBridge(incident) {
  const body = {
    participants: [
      { address: `tel:${incident.onCallPhone}` },
      { address: 'tel:+1612555014' },
      { userId: incident.dutyManagerId },
    ],
    label: 'incident-bridge',
  };
  try {
    const call = await conversationsApi.postConversationsCalls(body);
    return call.id;
  } catch (err) {
    console.error(`bridge for ${incident.key} failed`, err.status);
    throw err;
  }
}

module.exports = openIncidentBridge;
