using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PureCloudPlatform.Client.V2.Api;
using PureCloudPlatform.Client.V2.Client;
using PureCloudPlatform.Client.V2.Model;

namespace Acme.Outbound
{
    public sealed class QueueDialer
    {
        private readonly ConversationsApi _api;
        private readonly ILogger<QueueDialer> _log;

        public QueueDialer(ConversationsApi api, ILogger<QueueDialer> log)
        {
            _api = api;
            _log = log;
        }

        public async Task DialAsync(string leadNumber)
        {
            // Named constructor arguments are spelt like the properties.
            var body = new CreateCallRequest(
                PhoneNumber: leadNumber,
                CallFromQueueId: "927f0add-6fe8-4352-a87f",
                Label: "renewals");

            try
            {
                var created = await _api.PostConversationsCallsAsync(body);
                _log.LogInformation("Conversation {Id} created", created.Id);
            }
            catch (ApiException ex) when (ex.ErrorCode == 400)
            {
                _log.LogWarning("Genesys rejected the call: {Body}", ex.ErrorContent);
            }
        }
    }
}
