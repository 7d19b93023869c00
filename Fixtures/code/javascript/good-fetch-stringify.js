// Click-to-call buttons for the CRM side panel (implicit grant token kept in sessionStorage).
const REGION = 'mypurecloud.com';
const OUTBOUND_QUEUE = 'c1f0e5a2-6b7d-4e3c-9a18-2f4b6d8e0c71';

async function clickToCall(contact) {
  const token = sessionStorage.getItem('gc_token');
  const headers = {
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/json',
  };

  const response = await fetch(`https://api.${REGION}/api/v2/conversations/calls`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      phoneNumber: contact.phone,
      callFromQueueId: OUTBOUND_QUEUE,
      externalContactId: contact.genesysId || undefined,
      attributes: { crmRecord: String(contact.id), source: 'side-panel' },
    }),
  });

  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(`Call failed (${response.status}): ${problem.message || 'unknown'}`);
  }
  return (await response.json()).id;
}

document.querySelectorAll('[data-dial]').forEach((el) => {
  el.addEventListener('click', () => clickToCall({ id: el.dataset.id, phone: el.dataset.dial }));
});
