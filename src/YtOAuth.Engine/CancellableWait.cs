using System.Threading;
using System.Threading.Tasks;

namespace YtOAuth.Engine
{
    /// <summary>Waiting that the waiter can give up on (netstandard2.0 has no Task.WaitAsync).</summary>
    internal static class CancellableWait
    {
        /// <summary>Waits for <paramref name="task"/> but lets this caller stop waiting; the task itself goes on.</summary>
        public static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled || task.IsCompleted)
            {
                return await task.ConfigureAwait(false);
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            return await task.ConfigureAwait(false);
        }
    }
}
