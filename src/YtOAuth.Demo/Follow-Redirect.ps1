# Stands in for a browser when the Google emulator approves consent by itself: fetch the consent URL and follow the
# redirects to YtOAuth's loopback listener, as a browser would. Used by the demo when there is no terminal.
param([Parameter(Mandatory)] [string] $Url)
Invoke-WebRequest -Uri $Url -SkipHttpErrorCheck | Out-Null
