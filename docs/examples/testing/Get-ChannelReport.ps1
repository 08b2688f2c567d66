<#
.SYNOPSIS
    A user's script: each video of the channel with its lifetime views and its views in a period.
.EXAMPLE
    ./Get-ChannelReport.ps1 -Profile reports -StartDate 2026-11-01 -EndDate 2026-11-07 | Export-Csv report.csv
#>
param(
    [string] $Profile = 'default',
    [Parameter(Mandatory)] [datetime] $StartDate,
    [datetime] $EndDate = (Get-Date).Date
)
$ErrorActionPreference = 'Stop'

# Views by video is Google's "top videos" report: it needs a descending sort and holds at most 200 videos (a
# warning says when the list is full; videos past it count 0 here).
$period = @{}
Get-YouTubeAnalytics -Profile $Profile -StartDate $StartDate -EndDate $EndDate -Metrics views -Dimensions video -Sort '-views' |
    ForEach-Object { $period[$_.video] = $_.views }

Get-YouTubeChannel -Profile $Profile |
    Get-YouTubePlaylistItem -Profile $Profile |
    Get-YouTubeVideo -Profile $Profile |
    ForEach-Object {
        [pscustomobject]@{
            Title       = $_.Title
            Views       = $_.Views
            PeriodViews = [long]$period[$_.Id]
            Id          = $_.Id
        }
    } |
    Sort-Object PeriodViews -Descending
