// The yardstick: a bare Fastify route that parses a JSON body and answers JSON, nothing else.
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.post("/bare", async (request) => ({ ok: true, size: JSON.stringify(request.body).length }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
process.send?.("ready");
