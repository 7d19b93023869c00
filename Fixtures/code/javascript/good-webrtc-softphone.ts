import GenesysCloudWebrtcSdk, { ISdkConfig, SessionTypes } from 'genesys-cloud-webrtc-sdk';

interface DialOptions {
  number: string;
  viaQueue?: string;
}

export class SoftphoneDialer {
  private sdk: GenesysCloudWebrtcSdk;

  constructor(accessToken: string, environment = 'mypurecloud.ie') {
    const config: ISdkConfig = {
      accessToken,
      environment,
      allowedSessionTypes: [SessionTypes.softphone],
      logLevel: 'warn',
    };
    this.sdk = new GenesysCloudWebrtcSdk(config);
  }

  async start(): Promise<void> {
    await this.sdk.initialize();
  }

  async dial({ number, viaQueue }: DialOptions): Promise<string | undefined> {
    const trimmed = String(number || '').trim();
    if (!trimmed) {
      console.warn('nothing to dial');
      return undefined;
    }
    const { conversationId } = await this.sdk.startSoftphoneSession({
      phoneNumber: trimmed,
      callFromQueueId: viaQueue,
      callerIdName: 'Acme Support Desk',
    });
    return conversationId;
  }
}
