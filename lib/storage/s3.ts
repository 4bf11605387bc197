// An S3-compatible store (AWS S3, MinIO, Ceph, Garage…) for servers that run several app
// instances, chosen by STORAGE_URL:
//
//   s3://BUCKET?endpoint=https://minio.internal:9000&region=us-east-1&prefix=tracker/
//
// Credentials come from the AWS SDK's usual sources (AWS_ACCESS_KEY_ID and
// AWS_SECRET_ACCESS_KEY, a profile, an instance role), never from the URL. Objects are stored
// under their SHA-256 like the folder store, private (no ACL is set: the bucket's own policy
// applies, which should deny public reads). The SDK is loaded on first use, so servers using
// the folder store never load it.
import crypto from "node:crypto";
import type { Storage, StoredObject } from "./index";

type Sdk = typeof import("@aws-sdk/client-s3");

export function s3Storage(url: URL): Storage {
  const bucket = url.hostname;
  if (!bucket) throw new Error("STORAGE_URL: an s3:// address needs a bucket (s3://BUCKET?endpoint=…&region=…)");
  const endpoint = url.searchParams.get("endpoint") || undefined;
  const region = url.searchParams.get("region") || process.env.AWS_REGION || "us-east-1";
  const prefix = (url.searchParams.get("prefix") ?? "").replace(/^\/+/, "");
  // Self-hosted stores usually want bucket-in-path addressing; AWS itself does not need it.
  const forcePathStyle = url.searchParams.get("forcePathStyle") !== "false" && Boolean(endpoint);
  const valid = (key: string) => /^[0-9a-f]{64}$/.test(key);
  const objectKey = (key: string) => `${prefix}${key.slice(0, 2)}/${key.slice(2, 4)}/${key}`;

  let loaded: Promise<{ sdk: Sdk; client: InstanceType<Sdk["S3Client"]> }> | null = null;
  const client = () =>
    (loaded ??= import("@aws-sdk/client-s3").then((sdk) => ({ sdk, client: new sdk.S3Client({ region, endpoint, forcePathStyle }) })));
  const missing = (e: unknown) => {
    const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
    return err?.name === "NoSuchKey" || err?.name === "NotFound" || err?.$metadata?.httpStatusCode === 404;
  };
  const store: Storage = {
    where: `s3 bucket ${bucket}${endpoint ? ` at ${endpoint}` : ""}${prefix ? ` under ${prefix}` : ""}`,
    async put(bytes: Uint8Array): Promise<StoredObject> {
      const key = crypto.createHash("sha256").update(bytes).digest("hex");
      if (!(await store.has(key))) {
        const { sdk, client: s3 } = await client();
        await s3.send(new sdk.PutObjectCommand({ Bucket: bucket, Key: objectKey(key), Body: bytes, ContentType: "application/octet-stream" }));
      }
      return { key, size: bytes.byteLength };
    },
    async get(key: string): Promise<Buffer | null> {
      if (!valid(key)) return null;
      const { sdk, client: s3 } = await client();
      try {
        const out = await s3.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : null;
      } catch (e) {
        if (missing(e)) return null;
        throw e;
      }
    },
    async has(key: string): Promise<boolean> {
      if (!valid(key)) return false;
      const { sdk, client: s3 } = await client();
      try {
        await s3.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        return true;
      } catch (e) {
        if (missing(e)) return false;
        throw e;
      }
    },
    async delete(key: string): Promise<void> {
      if (!valid(key)) return;
      const { sdk, client: s3 } = await client();
      await s3.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
    },
    async *keys(): AsyncIterable<string> {
      const { sdk, client: s3 } = await client();
      let token: string | undefined;
      do {
        const page = await s3.send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }));
        for (const o of page.Contents ?? []) {
          const name = o.Key?.split("/").pop() ?? "";
          if (valid(name)) yield name;
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
  return store;
}
