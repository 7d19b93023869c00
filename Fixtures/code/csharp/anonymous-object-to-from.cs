using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;

namespace Acme.Dialer
{
    public sealed class RawCallClient
    {
        private readonly HttpClient _http;

        public RawCallClient(HttpClient http) => _http = http;

        public async Task<string> CallAsync(string customerNumber)
        {
            var response = await _http.PostAsJsonAsync("/api/v2/conversations/calls", new
            {
                to = customerNumber,
                from = "+13175550100",
            });
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync();
        }
    }
}
