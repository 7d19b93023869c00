// React hook around the WebRTC SDK; the dial pad shows numbers formatted for people.
import { useCallback } from 'react';
import GenesysCloudWebrtcSdk from 'genesys-cloud-webrtc-sdk';

export function useSupportLine(sdk: GenesysCloudWebrtcSdk) {
  const callSupport = useCallback(async () => {
    try {
      await sdk.startSoftphoneSession({
        phoneNumber: '+1 (317) 555-0123',
        callerIdName: 'Field Tech App',
      });
    } catch (e) {
      console.error('could not start the softphone session', e);
    }
  }, [sdk]);

  return { callSupport };
}
