using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace YtOAuth.Engine.Diagnostics
{
    /// <summary>Traces every HTTP call for -Verbose: method, URL without secrets, status, duration. Headers and bodies are never traced.</summary>
    internal sealed class HttpTraceHandler : DelegatingHandler
    {
        /// <summary>Wraps <paramref name="inner"/>.</summary>
        public HttpTraceHandler(HttpMessageHandler inner) : base(inner)
        {
        }

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!EngineLog.IsListening)
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false); // no one to trace for
            }

            var watch = Stopwatch.StartNew();
            var what = request.Method + " " + Redactor.Url(request.RequestUri);
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                EngineLog.Verbose(what + " -> " + (int)response.StatusCode + " " + response.ReasonPhrase + " (" + watch.ElapsedMilliseconds + " ms)");
                return response;
            }
            catch (System.Exception e)
            {
                EngineLog.Verbose(what + " -> failed: " + e.GetType().Name + " (" + watch.ElapsedMilliseconds + " ms)");
                throw;
            }
        }
    }
}
