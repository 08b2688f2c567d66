using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>
    /// The loopback redirect target of RFC 8252: a tiny HTTP server on 127.0.0.1 that waits for one GET on the
    /// callback path carrying the state we sent. It binds port 0 and keeps that socket, so no other program can
    /// take the port between choosing and listening (the race of probe-then-bind).
    /// </summary>
    internal sealed class LoopbackCodeReceiver : IDisposable
    {
        private const int MaxRequestBytes = 16 * 1024;
        private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

        private readonly TcpListener listener;
        private readonly string expectedState;
        private readonly string callbackPath;
        private readonly TaskCompletionSource<AuthorizationCallback> result =
            new TaskCompletionSource<AuthorizationCallback>(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private int refusedCallbacks;
        private int answered;

        private LoopbackCodeReceiver(string expectedState, string callbackPath)
        {
            this.expectedState = expectedState;
            this.callbackPath = callbackPath.StartsWith("/", StringComparison.Ordinal) ? callbackPath : "/" + callbackPath;
            listener = new TcpListener(IPAddress.Loopback, 0);
            // On Windows another socket may otherwise bind the same port with SO_REUSEADDR and steal the redirect.
            listener.ExclusiveAddressUse = RuntimeIsWindows();
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            // 127.0.0.1 even where the registration says localhost (RFC 8252 8.3): a name can resolve elsewhere.
            RedirectUri = new Uri("http://127.0.0.1:" + port + this.callbackPath);
            _ = AcceptLoopAsync();
        }

        /// <summary>The redirect_uri to send, built from the port actually bound.</summary>
        public Uri RedirectUri { get; }

        /// <summary>How many callbacks were refused for a missing or wrong state.</summary>
        public int RefusedCallbacks => Volatile.Read(ref refusedCallbacks);

        /// <summary>
        /// Binds 127.0.0.1 on a free port and starts listening on <paramref name="callbackPath"/> (the registered
        /// redirect's path) for the callback carrying <paramref name="expectedState"/>.
        /// </summary>
        public static LoopbackCodeReceiver Start(string expectedState, string callbackPath = "/") => new LoopbackCodeReceiver(expectedState, callbackPath);

        /// <summary>Completes with the first callback whose state matches; cancellation ends the wait.</summary>
        public Task<AuthorizationCallback> WaitAsync(CancellationToken cancellationToken) => CancellableWait.WaitAsync(result.Task, cancellationToken);

        /// <summary>Stops listening.</summary>
        public void Dispose()
        {
            stopping.Cancel();
            listener.Stop();
            result.TrySetCanceled();
        }

        private async Task AcceptLoopAsync()
        {
            while (!stopping.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is ObjectDisposedException || e is SocketException || e is InvalidOperationException)
                {
                    return; // listener stopped
                }

                // Each connection on its own: browsers open idle speculative connections that must not block the real one.
                _ = HandleAsync(client);
            }
        }

        private async Task HandleAsync(TcpClient client)
        {
            using (client)
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token))
            {
                timeout.CancelAfter(ReadTimeout);
                // ReadAsync ignores the token on some platforms; closing the socket always ends the read.
                using (timeout.Token.Register(client.Dispose))
                {
                    try
                    {
                        var stream = client.GetStream();
                        var head = await ReadHeadAsync(stream, timeout.Token).ConfigureAwait(false);
                        var (status, page, accepted) = head == null ? (431, Page("Request too large", "This address only takes the sign-in redirect."), null) : Answer(head);
                        try
                        {
                            await WriteAsync(stream, status, page).ConfigureAwait(false);
                        }
                        finally
                        {
                            // Complete only after the page is written: completing lets the caller dispose this
                            // listener, which would cut the browser off mid-page.
                            if (accepted != null)
                            {
                                result.TrySetResult(accepted);
                            }
                        }
                    }
                    catch (Exception e) when (e is System.IO.IOException || e is ObjectDisposedException || e is SocketException || e is OperationCanceledException)
                    {
                        // A connection that closed or idled out: nothing to answer.
                    }
                }
            }
        }

        private (int Status, string Page, AuthorizationCallback? Accepted) Answer(string head)
        {
            var firstLine = head.Substring(0, Math.Max(0, head.IndexOf("\r\n", StringComparison.Ordinal)));
            var parts = firstLine.Split(' ');
            if (parts.Length != 3 || !parts[2].StartsWith("HTTP/", StringComparison.Ordinal))
            {
                return (400, Page("Bad request", "This address only takes the sign-in redirect."), null);
            }

            return Evaluate(parts[0], parts[1]);
        }

        /// <summary>
        /// The address a browser on another machine ended on, pasted by the user (that browser could not reach this
        /// machine's 127.0.0.1): checked exactly like a redirect arriving here. Null when accepted, else why not.
        /// </summary>
        public string? AcceptPasted(string address)
        {
            if (!Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) || !uri.IsLoopback || uri.Port != RedirectUri.Port)
            {
                return "That is not the address of this sign-in (it starts with " + RedirectUri.GetLeftPart(UriPartial.Authority) + "/). Copy the whole address from the browser's address bar.";
            }

            var (status, _, accepted) = Evaluate("GET", uri.PathAndQuery);
            if (accepted != null)
            {
                result.TrySetResult(accepted);
                return null;
            }

            return status == 409 ? "This sign-in has already been answered." : "That address was refused (HTTP " + status + "): it does not carry this sign-in's state, or no code.";
        }

        private (int Status, string Page, AuthorizationCallback? Accepted) Evaluate(string method, string target)
        {
            var q = target.IndexOf('?');
            var path = q < 0 ? target : target.Substring(0, q);
            if (!string.Equals(path, callbackPath, StringComparison.Ordinal))
            {
                return (404, Page("Not found", "This address only takes the sign-in redirect."), null);
            }

            if (method != "GET")
            {
                return (405, Page("Method not allowed", "This address only takes the sign-in redirect."), null);
            }

            var query = QueryString.Parse(q < 0 ? string.Empty : target.Substring(q + 1));
            var state = query.Get("state");
            if (state == null || !string.Equals(state, expectedState, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref refusedCallbacks);
                Diagnostics.EngineLog.Warning("A sign-in redirect with " + (state == null ? "no state" : "a state that does not match this request") +
                    " reached the loopback listener and was refused; nothing was exchanged. Still waiting for the real one.");
                return (400, Page("Sign-in not accepted",
                    "This answer does not belong to the sign-in your shell is waiting for (the state value " + (state == null ? "is missing" : "does not match") +
                    "), so it was refused and nothing was exchanged. Go back to your shell and start the sign-in again if it is no longer waiting."), null);
            }

            var error = query.Get("error");
            var code = query.Get("code");
            if (error == null && string.IsNullOrEmpty(code))
            {
                return (400, Page("Sign-in not accepted", "The redirect carried neither a code nor an error. Return to your shell and try again."), null);
            }

            if (code != null)
            {
                Diagnostics.Redactor.Register(code);
            }

            // Exactly one valid callback is taken, even if two arrive at once.
            if (Interlocked.Exchange(ref answered, 1) == 1)
            {
                return (409, Page("Already done", "This sign-in has already been answered. Return to your shell; you can close this tab."), null);
            }

            var callback = new AuthorizationCallback(code, error, query.Get("error_description"), query.Get("scope"), query.Get("iss"));
            return error == null
                ? (200, Page("Signed in", "YtOAuth received the sign-in. Return to your shell; you can close this tab."), callback)
                : (200, Page("Sign-in declined", "Consent was not given (" + WebUtility.HtmlEncode(error) + "). Return to your shell; nothing was stored."), callback);
        }

        private static async Task<string?> ReadHeadAsync(System.IO.Stream stream, CancellationToken cancellationToken)
        {
            var buffer = new byte[MaxRequestBytes];
            var filled = 0;
            while (filled < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer, filled, buffer.Length - filled, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new System.IO.IOException("closed before the request head ended");
                }

                filled += read;
                var text = Encoding.ASCII.GetString(buffer, 0, filled);
                if (text.IndexOf("\r\n\r\n", StringComparison.Ordinal) >= 0)
                {
                    return text;
                }
            }

            return null;
        }

        private static async Task WriteAsync(System.IO.Stream stream, int status, string page)
        {
            var body = Encoding.UTF8.GetBytes(page);
            var head = "HTTP/1.1 " + status + " " + Reason(status) + "\r\n" +
                       "Content-Type: text/html; charset=utf-8\r\n" +
                       "Content-Length: " + body.Length + "\r\n" +
                       "Cache-Control: no-store\r\n" +
                       "Referrer-Policy: no-referrer\r\n" +
                       "Connection: close\r\n\r\n";
            var headBytes = Encoding.ASCII.GetBytes(head);
            await stream.WriteAsync(headBytes, 0, headBytes.Length).ConfigureAwait(false);
            await stream.WriteAsync(body, 0, body.Length).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }

        private static string Reason(int status)
        {
            switch (status)
            {
                case 200: return "OK";
                case 404: return "Not Found";
                case 405: return "Method Not Allowed";
                case 409: return "Conflict";
                case 431: return "Request Header Fields Too Large";
                default: return "Bad Request";
            }
        }

        private static string Page(string title, string message) =>
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>YtOAuth - " + title + "</title></head>" +
            "<body style=\"font-family:sans-serif;max-width:40em;margin:3em auto\"><h1>" + title + "</h1><p>" + message + "</p></body></html>";

        private static bool RuntimeIsWindows() => System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows);
    }
}
