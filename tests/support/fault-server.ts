// A minimal HTTP server for the fault test (tests/integration/fault.test.ts): it writes
// through the app's own Prisma client and driver adapter (lib/db-client.ts), the same
// transaction shape as the data layer (record + child rows + audit entry), and answers 200
// only after the commit returned. Not the Next.js server: a production build takes minutes,
// and what a SIGKILL puts at risk is the database and the client's commit, not rendering.
import http from "node:http";
import { createPrismaClient } from "../../lib/db-client";

const db = createPrismaClient(process.env.DATABASE_URL);
const groupId = process.env.FAULT_GROUP_ID!;

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "POST" && url.pathname === "/write") {
      const token = url.searchParams.get("token") ?? "";
      const id = await db.$transaction(async (tx) => {
        const app = await tx.application.create({ data: { groupId, title: token, procedure: "approval", city: "Almaty" } });
        await tx.part.createMany({
          data: [
            { applicationId: app.id, position: 0, form: "march", route: "Abay Ave" },
            { applicationId: app.id, position: 1, form: "rally", place: "Square" },
          ],
        });
        await tx.changeLog.create({ data: { entity: "Application", entityId: app.id, caseId: app.id, groupId, action: "create", after: token } });
        return app.id;
      });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id, token }));
      return;
    }
    if (url.pathname === "/health") {
      await db.$queryRawUnsafe("SELECT 1");
      res.writeHead(200).end("ok");
      return;
    }
    res.writeHead(404).end();
  } catch (e) {
    res.writeHead(500).end(e instanceof Error ? e.message : "error");
  }
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
});
