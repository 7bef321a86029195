// Sends a generated PDF inline, with a file name, never cached by shared caches.
import type { FastifyReply } from "fastify";

export function sendPdf(reply: FastifyReply, file: { pdf: Buffer; filename: string }) {
  return reply
    .header("content-type", "application/pdf")
    .header("content-disposition", `inline; filename="${file.filename.replace(/["\\\r\n]/g, "")}"`)
    .header("cache-control", "private, no-store")
    .send(file.pdf);
}
