'use strict';
// Express endpoint the lobby kiosk calls to connect a visitor with the front desk.
const express = require('express');
const axios = require('axios');

const host = process.env.GENESYS_API_HOST || 'https://api.mypurecloud.com';
const app = express();
app.use(express.json());

app.post('/api/connect', async (req, res) => {
  const visitorNumber = String(req.body.number || "").trim();
  if (!visitorNumber.startsWith('+')) {
    return res.status(400).json({ error: 'number must be in E.164 form' });
  }

  const payload = {
    phoneNumber: visitorNumber,
    callerId: process.env.CALLER_ID,
    callerIdName: "Front Desk",
    uuiData: `kiosk=${req.body.kioskId}`,
  };
  const headers = {
    Authorization: `Bearer ${req.get('x-genesys-token')}`,
    'Content-Type': 'application/json',
  };

  try {
    const { data } = await axios.post(`${host}/api/v2/conversations/calls`, payload, { headers, timeout: 8000 });
    console.log('dialed', { conversationId: data.id, phoneNumber: visitorNumber });
    res.status(202).json({ conversationId: data.id, phoneNumber: visitorNumber });
  } catch (err) {
    const status = err.response ? err.response.status : 502;
    res.status(status).json({ error: 'call failed', detail: err.response && err.response.data });
  }
});

module.exports = app;
