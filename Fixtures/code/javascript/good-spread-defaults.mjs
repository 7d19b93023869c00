// Shared call settings for every renewal campaign; each script only says whom to call.
import platformClient from 'purecloud-platform-client-v2';

const CALL_DEFAULTS = {
  callerId: '+442071838750',
  callerIdName: 'Northwind Energy',
};

export default class CampaignDialer {
  constructor(api = new platformClient.ConversationsApi(), campaign = 'spring-renewals') {
    this.api = api;
    this.campaign = campaign;
  }

  async dial(customer) {
    const attrKey = `campaign_${this.campaign}`;
    const request = {
      ...CALL_DEFAULTS,
      phoneNumber: customer.phone,
      attributes: { [attrKey]: customer.accountRef, tier: customer.tier },
    };
    const result = await this.api.postConversationsCalls(request);
    return { id: result.id, customer: customer.accountRef };
  }

  async dialAll(customers) {
    const results = [];
    for (const customer of customers) {
      results.push(await this.dial(customer).catch((err) => ({ error: err.message })));
    }
    return results;
  }
}
