// The benchmark's Node.js peers: Google's own clients (@googleapis/youtube, @googleapis/youtubeanalytics,
// google-auth-library) and a plain fetch() loop, asking the same server for the same things as YtOAuth.
//
//   node --expose-gc peers.mjs worker   reads "<case> <peer>" lines on stdin, answers "<ms> <count>" (time inside Node)
//   node peers.mjs report-tsv      one whole process: the report fetched and printed as tab-separated lines
//
// Settings come from the environment: YTOAUTH_BENCH_BASE (the server's root), _CLIENT_ID, _CLIENT_SECRET,
// _REFRESH_TOKEN, _ACCESS_TOKEN (optional: fetch() then needs no refresh), _START, _END, _METRICS, _DIMENSIONS,
// _MAX_RESULTS (optional) (the report asked for), _FIELDS (Data API partial response).
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { youtube } from '@googleapis/youtube';
import { youtubeAnalytics } from '@googleapis/youtubeanalytics';
import { OAuth2Client } from 'google-auth-library';

const env = (name) => {
  const value = process.env[`YTOAUTH_BENCH_${name}`];
  if (value === undefined) throw new Error(`YTOAUTH_BENCH_${name} is not set`);
  return value;
};
const base = env('BASE');
const report = { ids: 'channel==MINE', startDate: env('START'), endDate: env('END'), metrics: env('METRICS'), dimensions: env('DIMENSIONS') };
if (process.env.YTOAUTH_BENCH_MAX_RESULTS) report.maxResults = process.env.YTOAUTH_BENCH_MAX_RESULTS;
const playlistParts = ['snippet', 'status', 'contentDetails'];

const auth = new OAuth2Client({
  clientId: env('CLIENT_ID'),
  clientSecret: env('CLIENT_SECRET'),
  endpoints: { oauth2TokenUrl: new URL('token', base).href },
});
auth.setCredentials({ refresh_token: env('REFRESH_TOKEN') });
const data = youtube({ version: 'v3', auth, rootUrl: base });
const analytics = youtubeAnalytics({ version: 'v2', auth, rootUrl: base });

// fetch() gets the bearer from the same client, once: the floor does nothing per request but the request.
let bearer;
const authorization = async () => (bearer ??= process.env.YTOAUTH_BENCH_ACCESS_TOKEN || (await auth.getAccessToken()).token);

const peers = {
  ready: async () => 0, // answered once loaded: the runner waits for it before timing anything
  'playlists googleapis': async () => {
    let count = 0;
    let pageToken;
    do {
      const page = await data.playlists.list({ part: playlistParts, mine: true, maxResults: 50, pageToken, fields: env('FIELDS') });
      count += page.data.items.length;
      pageToken = page.data.nextPageToken;
    } while (pageToken);
    return count;
  },
  'playlists fetch': async () => {
    let count = 0;
    let pageToken;
    const headers = { authorization: `Bearer ${await authorization()}` };
    do {
      const url = new URL('youtube/v3/playlists', base);
      url.search = new URLSearchParams({ part: playlistParts.join(','), mine: 'true', maxResults: '50', fields: env('FIELDS'), ...(pageToken ? { pageToken } : {}) });
      const page = await (await fetch(url, { headers })).json();
      count += page.items.length;
      pageToken = page.nextPageToken;
    } while (pageToken);
    return count;
  },
  'report googleapis': async () => (await analytics.reports.query(report)).data.rows.length,
  'report fetch': async () => (await fetchReport()).rows.length,
};

async function fetchReport() {
  const url = new URL('v2/reports', base);
  url.search = new URLSearchParams(report);
  return (await fetch(url, { headers: { authorization: `Bearer ${await authorization()}` } })).json();
}

const mode = process.argv[2];
if (mode === 'worker') {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const run = peers[line.trim()];
    if (!run) {
      console.log(`error unknown peer '${line.trim()}'`);
      continue;
    }
    globalThis.gc?.(); // with --expose-gc: the garbage of the run before is collected first
    const started = performance.now();
    const count = await run();
    console.log(`${(performance.now() - started).toFixed(3)} ${count}`);
  }
} else if (mode === 'report-tsv') {
  const body = await fetchReport();
  const out = [body.columnHeaders.map((h) => h.name).join('\t')];
  for (const row of body.rows) out.push(row.join('\t'));
  process.stdout.write(out.join('\n') + '\n');
} else {
  console.error('usage: node peers.mjs worker | report-tsv');
  process.exit(2);
}
