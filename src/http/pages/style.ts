// The one stylesheet of the public pages, inlined in a <style> element (no extra request), with
// a print stylesheet that makes a clean PDF: no navigation or forms, each offer on a new page,
// link targets written out. Colours keep a contrast of at least 4.5:1 for text.
import { createHash } from "node:crypto";

const SOURCE = `
:root{--ink:#1c2430;--muted:#4d5766;--line:#dde2ea;--bg:#f3f5f8;--brand:#123a56;--accent:#0b5c8c;
--ok:#17613a;--okbg:#e4f3ea;--warn:#7a4300;--warnbg:#fcefd9;--no:#9b1c2c;--nobg:#fbe8ea;
color:var(--ink);background:var(--bg);
font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
*{box-sizing:border-box}
body{margin:0}
a{color:var(--accent);text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px;border-radius:4px}
main:focus{outline:none}
.wrap{max-width:54rem;margin:0 auto;padding:0 1.25rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.skip{position:absolute;left:.75rem;top:-4rem;z-index:9;background:#fff;color:var(--ink);
padding:.6rem 1rem;border-radius:8px;font-weight:600}
.skip:focus{top:.75rem}
.top{background:var(--brand);color:#fff}
.top>.wrap{padding-top:1rem;padding-bottom:2rem}
.top :focus-visible{outline-color:#ffd166}
.langs ul{display:flex;justify-content:flex-end;gap:.25rem;list-style:none;margin:0;padding:0}
.langs a{color:#fff;padding:.3rem .65rem;border-radius:999px;font-size:.9rem;text-decoration:none}
.langs a:hover{background:#ffffff1f}
.langs [aria-current]{background:#fff;color:var(--brand);font-weight:600}
.kicker{margin:1.25rem 0 .25rem;color:#c6e0f0;font-size:.8rem;font-weight:600;letter-spacing:.08em;
text-transform:uppercase}
h1{font-size:2.4rem;line-height:1.15;margin:0 0 .75rem;letter-spacing:-.01em}
.lede{max-width:40rem;margin:0 0 .75rem;color:#e6f0f7;font-size:1.05rem}
.meta{margin:0;color:#c6e0f0;font-size:.9rem}
.toc{background:#fff;border-bottom:1px solid var(--line)}
.toc ul{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;margin:0;padding:.5rem 0}
.toc a{display:block;padding:.35rem .7rem;border-radius:8px;font-weight:500;text-decoration:none}
.toc a:hover{background:var(--bg);text-decoration:underline}
main section,.card{background:#fff;border:1px solid var(--line);border-radius:14px;
padding:1.5rem 1.75rem;margin:1.5rem 0;box-shadow:0 1px 2px #1c24300d}
h2{font-size:1.4rem;line-height:1.25;margin:0 0 1rem}
h3{font-size:1.1rem;margin:0 0 .5rem}
h4{font-size:.8rem;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);margin:1.1rem 0 .4rem}
p{margin:0 0 .75rem}
.small{font-size:.9rem;color:var(--muted)}
.nw{white-space:nowrap}
.scroll{overflow-x:auto;margin:0 0 .75rem}
.status{display:inline-block;padding:.45rem .85rem;border-radius:10px;font-weight:600}
.is-open{background:var(--okbg);color:var(--ok)}
.is-closed{background:#edf1f5}
.tz{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem .75rem;background:var(--bg);
padding:.75rem 1rem;border-radius:10px;margin:0 0 1rem}
.tz label{font-weight:600}
select,button{font:inherit;border-radius:8px;padding:.45rem .7rem}
select{border:1px solid #7b8594;background:#fff;color:var(--ink);max-width:100%;min-width:0;flex:1 1 14rem}
button{background:var(--accent);color:#fff;border:1px solid var(--accent);font-weight:600;cursor:pointer}
button:hover{background:var(--brand)}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;vertical-align:top;padding:.55rem .6rem;border-bottom:1px solid var(--line)}
thead th{font-size:.85rem;color:var(--muted);font-weight:600}
.zone{display:block;font-weight:400}
tbody th{font-weight:600}
.hours tbody th::first-letter{text-transform:uppercase}
.off td,.off th{color:var(--muted);font-weight:400}
.channels,.cards{list-style:none;padding:0;margin:0 0 1rem;display:grid;gap:1rem;
grid-template-columns:repeat(auto-fill,minmax(20rem,1fr))}
.cards{grid-template-columns:1fr}
.channel,.meeting{border:1px solid var(--line);border-radius:12px;padding:1rem 1.1rem}
.badge{display:inline-block;font-size:.8rem;font-weight:600;padding:.1rem .6rem;border-radius:999px;margin:0 0 .6rem}
.ok{background:var(--okbg);color:var(--ok)}
.warn{background:var(--warnbg);color:var(--warn)}
.no{background:var(--nobg);color:var(--no)}
.terms{margin:0}
.terms div{padding:.45rem 0;border-top:1px solid var(--line)}
.terms dt{font-weight:600;font-size:.85rem;color:var(--muted)}
.terms dd{margin:0}
section>.terms div,.meeting .terms div{display:grid;grid-template-columns:12rem 1fr;gap:1rem}
.steps{margin:0;padding-left:1.4rem}
.steps li{margin:0 0 .5rem;padding-left:.25rem}
.callout{border-left:4px solid var(--accent);background:#eaf3f9;padding:.75rem 1rem;border-radius:0 10px 10px 0}
.offer{border:1px solid var(--line);border-radius:14px;padding:1.25rem 1.5rem;margin:1.25rem 0 0;scroll-margin-top:1rem}
.offer:target{border-color:var(--accent);box-shadow:0 0 0 3px #0b5c8c40}
.offer-head{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:.25rem 1rem;
border-bottom:1px solid var(--line);padding-bottom:.6rem;margin-bottom:.75rem}
.offer-head h3{font-size:1.35rem;margin:0}
.price{font-size:1.5rem;font-weight:700;margin:0;font-variant-numeric:tabular-nums}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:0 1.5rem}
.inc,.exc{padding-left:1.3rem;margin:0}
.inc li,.exc li{margin:0 0 .3rem}
.inc{list-style:"\\2713\\00a0\\00a0"}
.exc{list-style:"\\2715\\00a0\\00a0"}
.inc li::marker{color:var(--ok)}
.exc li::marker{color:var(--no)}
.qty{font-weight:600;font-variant-numeric:tabular-nums}
.addons{width:auto;min-width:60%}
.addons th{font-weight:400}
.addons td{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.offer-foot{display:flex;flex-wrap:wrap;gap:.4rem 1.5rem;font-size:.9rem;color:var(--muted);
border-top:1px solid var(--line);padding-top:.75rem;margin:1rem 0 0}
.offer-foot span:last-child{margin-left:auto}
.foot{color:var(--muted);font-size:.9rem;text-align:center;padding:1rem 0 3rem}
.foot p{margin:0 0 .35rem}
@media (max-width:40rem){h1{font-size:1.8rem}main section,.card{padding:1.1rem 1rem;border-radius:10px}
section>.terms div,.meeting .terms div{display:block}.offer{padding:1rem}}
@media print{
@page{margin:16mm 14mm}
:root{font-size:10.5pt;background:#fff;color:#000}
.skip,.langs,.toc,.tz,.status{display:none}
.top{background:none;color:#000;border-bottom:2px solid #000}
.top>.wrap{padding:0 0 .5rem}
.kicker,.lede,.meta{color:#000}
.wrap{max-width:none;padding:0}
main section,.card{border:0;box-shadow:none;border-radius:0;padding:0;margin:1.25rem 0 0}
h2{border-bottom:1px solid #888;padding-bottom:.2rem;break-after:avoid}
h3,h4{break-after:avoid}
table,tr,.channel,.meeting,.terms div,.callout{break-inside:avoid}
.channels,.cards{display:block}
.channel,.meeting{border:1px solid #999;border-radius:0;margin:0 0 .5rem}
.offer{break-before:page;border:0;border-radius:0;padding:0;margin:0}
.offer-head{border-color:#000}
a{color:#000;text-decoration:none}
a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;word-break:break-all}
.foot a::after{content:none}
.badge,.callout{border:1px solid #888;background:none;color:#000}
.foot{padding:1rem 0 0}
}
`;

/** The stylesheet, newlines and indentation removed. */
export const CSS = SOURCE.replace(/\n\s*/g, "").trim();

/** For the page's Content-Security-Policy: only this exact stylesheet may apply. */
export const CSS_HASH = `sha256-${createHash("sha256").update(CSS).digest("base64")}`;
