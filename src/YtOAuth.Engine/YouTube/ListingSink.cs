using System;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// Where a listing hands what it finds, as it arrives: every list of the engine takes one (ListXAsync(query, sink,
    /// cancellationToken)). Plain callbacks, not async streams, so that a host on the BCL of netstandard2.0 (the
    /// PowerShell module) can take the same listing as any other. The callbacks run on the listing's thread.
    /// </summary>
    /// <typeparam name="T">What the listing hands out (a playlist, a video, a batch of report rows).</typeparam>
    public sealed class ListingSink<T>
    {
        /// <summary>A sink that takes each item; an unknown id ends the listing and the total is not wanted.</summary>
        public ListingSink(Action<T> onItem) => OnItem = onItem ?? throw new ArgumentNullException(nameof(onItem));

        /// <summary>Told each item as it arrives.</summary>
        public Action<T> OnItem { get; }

        /// <summary>
        /// Told each asked-for id (or handle) that YouTube does not know, so that the listing goes on with the others;
        /// null: an unknown id ends the listing with <see cref="ErrorCode.NotFound"/>.
        /// </summary>
        public Action<YtOAuthException>? OnNotFound { get; set; }

        /// <summary>Told Google's total once the first page of a paged listing arrives.</summary>
        public Action<int>? OnTotal { get; set; }

        /// <summary>Hands out an id YouTube does not know: to <see cref="OnNotFound"/>, else as the listing's end.</summary>
        internal void NotFound(YtOAuthException notFound)
        {
            if (OnNotFound == null)
            {
                throw notFound;
            }

            OnNotFound(notFound);
        }
    }
}
