/**
 * Who a request is for (reference §1.1, sdk-wire-behaviour "Redirect options"): the bucket and host
 * kind come from `Host` when it is a vendor host, else the configured default bucket applies
 * (`Domain` mode sends `127.0.0.1:PORT`, so the bucket never reaches the server).
 */

/** The host families the mock tells apart; `other` is a local address such as `127.0.0.1:9000`. */
export type HostKind = 'ci' | 'cos' | 'ci-service' | 'jd' | 'other';

/** The addressing facts of one request. */
export interface HostInfo { kind: HostKind; bucket: string; region: string }

/** Defaults for requests whose Host names no bucket. */
export interface HostDefaults { bucket: string; region: string }

// `<bucket>-<appid>.(ci|cos).<region>.myqcloud.com` (§1.1; tencentcos.cn is the alternate COS domain).
const VENDOR_BUCKET_HOST = /^([a-z0-9-]+-\d+)\.(ci|cos)\.([a-z0-9-]+)\.(?:myqcloud\.com|tencentcos\.cn)$/;
// `ci.<region>.myqcloud.com`: the service host of `GET /file_bucket` (§2.11).
const CI_SERVICE_HOST = /^ci\.([a-z0-9-]+)\.myqcloud\.com$/;
// `<bucket>.s3.<region>.jdcloud-oss.com` and the older `jcloudcs.com` naming (§7.1, §9.30).
const JD_HOST = /^([a-z0-9.-]+)\.s3\.([a-z0-9-]+)\.(?:jdcloud-oss|jcloudcs)\.com$/;

/** Classifies a `Host` value (port ignored, case-insensitive). */
export function parseHost(host: string, defaults: HostDefaults): HostInfo {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  const vendor = VENDOR_BUCKET_HOST.exec(name);
  if (vendor) return { kind: vendor[2] === 'ci' ? 'ci' : 'cos', bucket: vendor[1] as string, region: vendor[3] as string };
  const service = CI_SERVICE_HOST.exec(name);
  if (service) return { kind: 'ci-service', bucket: defaults.bucket, region: service[1] as string };
  const jd = JD_HOST.exec(name);
  if (jd) return { kind: 'jd', bucket: jd[1] as string, region: jd[2] as string };
  return { kind: 'other', bucket: defaults.bucket, region: defaults.region };
}
