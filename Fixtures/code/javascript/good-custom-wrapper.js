// Thin wrapper around the Platform API used by the appointment scheduler service.
const https = require('https');

const logger = { level: process.env.LOG_LEVEL || 'info', redact: ['authorization'] };

function genesysRequest({ method, path, body, token }) {
  return new Promise((resolve, reject) => {
    const req = https.request({
      host: 'api.mypurecloud.com.au',
      path,
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    }, (res) => {
      let text = '';
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => (res.statusCode < 300 ? resolve(JSON.parse(text || '{}')) : reject(new Error(text))));
    });
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

module.exports = {
  logger,
  placeReminderCall: (token, appointment) => genesysRequest({
    method: "POST",
    path: "/api/v2/conversations/calls",
    token,
    body: {
      phoneNumber: appointment.patientPhone,
      callerId: "+61298765432",
      callerIdName: "Harbour Clinic",
      label: "appointment-reminder",
    },
  }),
  listActiveCalls: (token) => genesysRequest({ method: "GET", path: "/api/v2/conversations/calls", token }),
};
