// An OAuth 2.0 authorization server that nobody on this project wrote (oidc-provider), configured as a careful
// server meets a native app: PKCE required, the registered loopback redirect matched on any port (RFC 8252), refresh
// tokens, revocation, discovery (RFC 8414 / OpenID), and iss in authorization responses (RFC 9207). Its development
// login and consent pages stand in for a person. Prints one line, "issuer <url>", once it listens on 127.0.0.1.
//   node server.mjs [--rotate]
import http from 'node:http';
import Provider from 'oidc-provider';

const rotate = process.argv.includes('--rotate');
const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
const scopes = ['openid', 'offline_access', 'profile', 'https://www.googleapis.com/auth/youtube.readonly', 'https://www.googleapis.com/auth/yt-analytics.readonly'];

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'ytoauth-interop',
    client_secret: 'interop-client-secret-0123456789',
    application_type: 'native',
    redirect_uris: ['http://127.0.0.1/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  scopes,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true }, revocation: { enabled: true } },
  // A desktop app keeps its grant: a refresh token for every code, as Google does for installed apps.
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  rotateRefreshToken: rotate,
  loadExistingGrant: undefined,
  ttl: { AccessToken: 3600, AuthorizationCode: 60, RefreshToken: 86400, Interaction: 600, Session: 600, Grant: 86400 },
});
provider.proxy = false;
server.on('request', provider.callback());
console.log(`issuer ${issuer}`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
