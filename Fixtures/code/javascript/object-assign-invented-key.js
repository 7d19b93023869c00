// Dial helper shared by the agent toolbar: defaults merged with what the agent typed.
const CALL_DEFAULTS = { callerIdName: 'Acme Support' };

async function placeCall(session, typedNumber) {
  const body = Object.assign({}, CALL_DEFAULTS, {
    phoneNumber: typedNumber.trim(),
    callType: 'outbound', // the dialer's own name for it
  });
  const res = await fetch(`https://api.${session.region}/api/v2/conversations/calls`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`call failed: ${res.status}`);
  return res.json();
}

module.exports = { placeCall };
