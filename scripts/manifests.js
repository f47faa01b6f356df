// Derives the two manifests the build ships from the one in the repository:
// - production: namespace CRM, base URL = the deployment URL;
// - development: namespace CRMDEV, its own Id and a "(dev)" name, so both can be installed side by side
//   without the two sets of =CRM.* formulas clashing (#REF!).
const DEV_BASE = 'https://localhost:3000/';
const DEV_ID = '3de87dbe-3e33-4369-9f14-31b491cf96af';

function withBaseUrl(xml, baseUrl) {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const origin = new URL(base).origin;
  return xml
    .split(DEV_BASE)
    .join(base)
    .replace(/<AppDomain>[^<]*<\/AppDomain>/, `<AppDomain>${origin}</AppDomain>`);
}

function buildManifests(source, { publicUrl, devUrl }) {
  const production = withBaseUrl(source, publicUrl);
  const development = withBaseUrl(source, devUrl)
    .replace(/<Id>[0-9a-fA-F-]{36}<\/Id>/, `<Id>${DEV_ID}</Id>`)
    .replace(/(<bt:String id="Functions.Namespace" DefaultValue=")CRM(")/, '$1CRMDEV$2')
    .replace(/(<DisplayName DefaultValue=")([^"]*)(")/, '$1$2 (dev)$3');
  return { production, development };
}

module.exports = { buildManifests, DEV_BASE, DEV_ID };
