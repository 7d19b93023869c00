using System;
using PureCloudPlatform.Client.V2.Api;
using PureCloudPlatform.Client.V2.Client;
using PureCloudPlatform.Client.V2.Model;

namespace Acme.Dialer
{
    public class CallPlacer
    {
        private readonly ConversationsApi _conversations = new ConversationsApi();

        public CallPlacer(string clientId, string clientSecret)
        {
            Configuration.Default.ApiClient.setBasePath(PureCloudRegionHosts.us_east_1);
            Configuration.Default.ApiClient.PostToken(clientId, clientSecret);
        }

        public string CallCustomer()
        {
            var body = new CreateCallRequest
            {
                PhoneNumber = "+13125550178",
                CallerId = "+13175550100",
                CallerIdName = "Acme Billing",
                Label = "billing",
            };

            try
            {
                CreateCallResponse result = _conversations.PostConversationsCalls(body);
                return result.Id;
            }
            catch (ApiException e)
            {
                Console.Error.WriteLine("PostConversationsCalls failed: " + e.Message);
                throw;
            }
        }
    }
}
