// Places the call for the agent desktop.
const body = {
  phoneNumber: customer.phone, // filled in from the CRM
  callerID: '+13175550100',
  callerIdName: `Support ${team}`,
  from: '+13175550100',
};
await fetch(`${base}/api/v2/conversations/calls`, { method: 'POST', body: JSON.stringify(body) });
