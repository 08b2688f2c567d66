namespace YtOAuth.Emulator;

/// <summary>
/// How a queued <see cref="Fault"/> meets a request: delayed, dropped, an HTML outage page, a raw body, or the error
/// JSON the endpoint's Google service sends (the Data and Analytics APIs' error object, OAuth's error and error_description).
/// </summary>
internal static class FaultInjection
{
    /// <summary>Applies the next queued fault of <paramref name="target"/>; true when it answered the request itself.</summary>
    public static async Task<bool> ApplyAsync(GoogleEmulator emulator, HttpContext context, FaultTarget target)
    {
        var fault = emulator.Faults.Next(target);
        if (fault == null)
        {
            return false;
        }

        if (fault.Delay > TimeSpan.Zero)
        {
            try
            {
                await emulator.DelayAsync(fault.Delay, context);
            }
            catch (OperationCanceledException)
            {
                return true;
            }
        }

        if (fault.DropConnection && fault.Body == null)
        {
            context.Abort();
            return true;
        }

        return await AnswerAsync(context, fault, target);
    }

    /// <summary>Answers with the fault's status, body or HTML page (its delay and drop already dealt with); false when it has none.</summary>
    public static async Task<bool> AnswerAsync(HttpContext context, Fault fault, FaultTarget target)
    {
        if (fault.Body != null)
        {
            context.Response.StatusCode = fault.Status == 0 ? 200 : fault.Status;
            context.Response.ContentType = fault.ContentType;
            await context.Response.WriteAsync(fault.Body);
            if (fault.DropConnection)
            {
                // An answer that breaks off: the body so far reaches the client, then the connection is cut.
                await context.Response.Body.FlushAsync();
                await Task.Delay(50);
                context.Abort();
            }

            return true;
        }

        if (fault.Status == 0)
        {
            return false; // only slow
        }

        if (fault.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString();
        }

        if (fault.HtmlBody)
        {
            context.Response.StatusCode = fault.Status;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<html><body><h1>" + fault.Status + ". That's an error.</h1><p>Please try again later.</p></body></html>");
            return true;
        }

        if (target == FaultTarget.Upload && fault.Reason == null && fault.Status is 401 or 503)
        {
            // An upload chunk meets the bodies Google sends for them: its 503 backendError, its 401 authError.
            await (fault.Status == 401 ? ApiResponses.AuthError(context) : ApiResponses.BackendError(context));
        }
        else if ((target is FaultTarget.YouTube or FaultTarget.Analytics) && fault.Reason == "accessNotConfigured")
        {
            await ApiResponses.ServiceDisabled(context, target == FaultTarget.Analytics ? "analytics" : "data");
        }
        else if (target is FaultTarget.YouTube or FaultTarget.Analytics or FaultTarget.Upload)
        {
            var (reason, domain) = fault.Reason != null ? (fault.Reason, fault.Reason == "quotaExceeded" ? "youtube.quota" : "global") : fault.Status switch
            {
                401 => ("authError", "global"),
                403 => ("rateLimitExceeded", "usageLimits"),
                429 => ("rateLimitExceeded", "usageLimits"),
                _ => ("backendError", "global"),
            };
            await ApiResponses.Error(context, fault.Status, reason, domain, "Injected fault.");
        }
        else if (target == FaultTarget.DeviceCode && fault.Status == 403)
        {
            // Google's device-code quota answer: error_code, not error.
            await JsonAnswer.Write(context, 403, new { error_code = "rate_limit_exceeded" });
        }
        else
        {
            // As Google's token endpoint words them: a refusal (4xx) is not worth repeating; its own failures (5xx) are.
            var error = fault.Status == 429 ? "rate_limit_exceeded" : fault.Status >= 500 ? "internal_failure" : "invalid_request";
            await JsonAnswer.Write(context, fault.Status, new { error, error_description = "Injected fault." });
        }

        return true;
    }
}
