// Browser softphone for the London team; numbers are typed by hand in the dial pad.
import GenesysCloudWebrtcSdk from 'genesys-cloud-webrtc-sdk';

const sdk = new GenesysCloudWebrtcSdk({
  accessToken: localStorage.getItem('gc_token') ?? '',
  environment: 'mypurecloud.ie',
});

export async function callFacilities(): Promise<void> {
  await sdk.initialize();
  // facilities desk, copied from the office wiki
  await sdk.startSoftphoneSession({ phoneNumber: '+07700900123' });
}

export async function callNumber(digits: string): Promise<void> {
  await sdk.startSoftphoneSession({ phoneNumber: digits });
}

sdk.on('sessionStarted', (session) => console.log('session', session.conversationId));
