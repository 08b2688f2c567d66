using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Engine;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Hosting;

namespace YtOAuth.Commands
{
    /// <summary>
    /// Plumbing every YtOAuth command shares: -Profile and -Vault, one cancellation source per invocation that
    /// StopProcessing (Ctrl+C) fires, the pump that runs engine work off the pipeline thread and writes its
    /// messages and objects on it, and the mapping of engine failures to ErrorRecords.
    /// </summary>
    public abstract class YtOAuthCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource stop = new CancellationTokenSource();
        private QueueSink? sink;
        private int progressId = 1;

        private string? profile;
        private string? vault;

        /// <summary>The stored grant to use (one per channel or account); without it, this session's current profile.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidatePattern(Engine.Tokens.ProfileName.Pattern)]
        [ArgumentCompleter(typeof(ProfileCompleter))]
        [PSDefaultValue(Value = "the current profile (Set-YouTubeContext), else default")]
        public string Profile
        {
            get => UsesCurrentProfile ? ModuleState.Resolve(profile, vault).Profile : profile ?? Engine.Tokens.ProfileName.Default;
            set => profile = value;
        }

        /// <summary>The SecretManagement vault; without it, the current profile's, else the default vault.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VaultCompleter))]
        [PSDefaultValue(Value = "the current profile's vault, else the default vault")]
        public string? Vault
        {
            get => UsesCurrentProfile ? ModuleState.Resolve(profile, vault).Vault : vault;
            set => vault = value;
        }

        /// <summary>
        /// Whether a command without -Profile works with this session's current profile. Connect-YouTube does not: it
        /// creates grants, and must never replace another profile's because that one was current.
        /// </summary>
        protected virtual bool UsesCurrentProfile => true;

        /// <inheritdoc />
        protected override void StopProcessing() => stop.Cancel();

        /// <inheritdoc />
        public void Dispose()
        {
            stop.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Runs engine work and returns its result; see <see cref="Pump"/>.</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> work)
        {
            var result = default(T)!;
            Pump(async (emit, token) => result = await work(token).ConfigureAwait(false));
            return result;
        }

        /// <summary>
        /// Starts <paramref name="work"/> on a worker thread and blocks the pipeline thread on a queue that the
        /// work (and the engine, through the ambient sink) fills; only this thread writes. Objects passed to the
        /// emit callback are written as they arrive. A failure is rethrown as itself, not as AggregateException.
        /// </summary>
        protected void Pump(Func<Action<object>, CancellationToken, Task> work)
        {
            using (var abandon = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
            using (var sink = this.sink = new QueueSink(abandon.Token))
            {
                Task task;
                using (EngineLog.Use(sink))
                {
                    task = Task.Run(() => work(sink.Emit, abandon.Token));
                }

                task.ContinueWith(_ => sink.Complete(), TaskScheduler.Default);
                try
                {
                    foreach (var item in sink.Queue.GetConsumingEnumerable())
                    {
                        Write(item);
                    }
                }
                catch
                {
                    // The pipeline stopped early (Select-Object -First, an error): stop the work rather than let it
                    // run on, calling the API for rows nobody will read.
                    abandon.Cancel();
                    task.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                    throw;
                }

                try
                {
                    task.GetAwaiter().GetResult();
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    throw new PipelineStoppedException(); // Ctrl+C ends quietly
                }
            }
        }

        /// <summary>
        /// ShouldProcess that never prompts where nobody can answer: in an unattended session a confirmation prompt
        /// would fail or hang, so the command reports what to pass instead and changes nothing. -WhatIf still only
        /// describes; <paramref name="force"/> skips the question (not -WhatIf).
        /// </summary>
        protected bool ConfirmChange(string target, string action, bool force = false)
        {
            var whatIf = MyInvocation.BoundParameters.ContainsKey("WhatIf");
            var why = Interactivity.WhyUnattended(Host);
            if (why != null && !whatIf && !force && WouldConfirm())
            {
                var pass = MyInvocation.MyCommand.Parameters.ContainsKey("Force") ? "-Force (or -Confirm:$false)" : "-Confirm:$false";
                Report(new YtOAuthException(ErrorCode.InteractionRequired,
                    MyInvocation.MyCommand.Name + " asks for confirmation, and this session is unattended (" + why + "). Pass " + pass + " to " +
                    char.ToLowerInvariant(action[0]) + action.Substring(1) + ": " + target + ".", Profile));
                return false;
            }

            return (force && !whatIf) || ShouldProcess(target, action);
        }

        /// <summary>Whether ShouldProcess would prompt: -Confirm given, or $ConfirmPreference at or below the command's impact.</summary>
        private bool WouldConfirm()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && confirm is SwitchParameter switchValue)
            {
                return switchValue.IsPresent;
            }

            var impact = GetType().GetCustomAttributes(typeof(CmdletAttribute), false) is CmdletAttribute[] { Length: 1 } attributes ? attributes[0].ConfirmImpact : ConfirmImpact.Medium;
            return !(GetVariableValue("ConfirmPreference") is ConfirmImpact preference) || (preference != ConfirmImpact.None && preference <= impact);
        }

        /// <summary>Stops the command with the ErrorRecord of an engine failure.</summary>
        protected void Fail(YtOAuthException e) => ThrowTerminatingError(ErrorIds.ToRecord(e));

        /// <summary>Reports a failure of one input item and lets the command go on.</summary>
        protected void Report(YtOAuthException e) => WriteError(ErrorIds.ToRecord(e));

        /// <summary>
        /// Reports a piped object this command has no meaning for (a playlist piped to Get-YouTubeVideo, say) rather
        /// than bind one of its properties by name to a parameter it does not fit; the command goes on with the next.
        /// </summary>
        protected internal void RefuseInput(PSObject input, string takes, string? instead = null)
        {
            var what = input.BaseObject.GetType().Name;
            WriteError(new ErrorRecord(new ArgumentException(
                    MyInvocation.MyCommand.Name + " takes " + takes + " from the pipeline, not a " + what + "." + (instead == null ? string.Empty : " " + instead)),
                ErrorIds.InputNotSupported, ErrorCategory.InvalidType, input));
        }

        /// <summary>The first of <paramref name="names"/> that a piped object (a CSV row, a custom object) has with a value.</summary>
        protected internal static string? PipedProperty(PSObject input, params string[] names) =>
            names.Select(n => input.Properties[n]?.Value?.ToString()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

        private void Write(object item)
        {
            switch (item)
            {
                case QueueSink.Output output:
                    foreach (var written in output.Items)
                    {
                        if (written is YtOAuthException failure)
                        {
                            Report(failure); // a failed item of a listing that goes on
                        }
                        else
                        {
                            WriteItem(written);
                        }
                    }

                    break;
                case QueueSink.LineRequest request:
                    string? line;
                    try
                    {
                        line = Host.UI.ReadLine();
                    }
                    catch (Exception e) when (e is PSInvalidOperationException || e is NotImplementedException || e is System.IO.IOException)
                    {
                        line = null; // a host that cannot read: the loopback redirect is the only way in
                    }

                    request.Answer.TrySetResult(line);
                    break;
                case EngineMessage message:
                    switch (message.Kind)
                    {
                        case EngineMessageKind.Verbose: WriteVerbose(message.Text); break;
                        case EngineMessageKind.Debug: WriteDebug(message.Text); break;
                        case EngineMessageKind.Warning: WriteWarning(message.Text); break;
                        case EngineMessageKind.Information:
                            // Shown on the host like Write-Host (the consent URL must be seen), and still capturable as stream 6.
                            WriteInformation(new HostInformationMessage { Message = message.Text }, new[] { "PSHOST", "YtOAuth" });
                            break;
                        case EngineMessageKind.Progress:
                            WriteProgress(new ProgressRecord(progressId, MyInvocation.MyCommand.Name, message.Text)
                            {
                                PercentComplete = message.PercentComplete,
                                SecondsRemaining = message.SecondsRemaining,
                            });
                            break;
                    }

                    break;
            }
        }

        /// <summary>Reads one line the user types at the host, on the pipeline thread (from engine work running in <see cref="Pump"/>).</summary>
        protected Task<string?> ReadHostLineAsync(CancellationToken cancellationToken) =>
            sink?.ReadLineAsync(cancellationToken) ?? Task.FromResult<string?>(null);

        /// <summary>Writes what the engine handed out, turned into what the command writes; on the pipeline thread.</summary>
        protected virtual void WriteItem(object item) => WriteObject(item);

        /// <summary>Ends the progress bar this command may have shown.</summary>
        protected void CompleteProgress() =>
            WriteProgress(new ProgressRecord(progressId, MyInvocation.MyCommand.Name, "Done") { RecordType = ProgressRecordType.Completed });
    }
}
