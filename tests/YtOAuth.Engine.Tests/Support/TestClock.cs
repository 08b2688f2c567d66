using System;
using Google.Apis.Util;

namespace YtOAuth.Engine.Tests.Support;

/// <summary>A clock the test moves by hand (the engine's only notion of time).</summary>
public sealed class TestClock : IClock
{
    private DateTime utcNow = DateTime.UtcNow;

    public DateTime UtcNow { get { lock (this) { return utcNow; } } }

    public DateTime Now => UtcNow.ToLocalTime();

    public void Advance(TimeSpan by)
    {
        lock (this)
        {
            utcNow += by;
        }
    }
}
