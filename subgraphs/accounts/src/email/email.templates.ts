export interface EmailBrand {
  name: string;
  primaryColor: string;
  supportEmail?: string | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export const BILLFOLD_BRAND: EmailBrand = { name: "Billfold", primaryColor: "#4f46e5", supportEmail: null };

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const safeColor = (value: string) => (/^#[0-9a-fA-F]{6}$/.test(value) ? value : BILLFOLD_BRAND.primaryColor);

interface LinkEmail {
  brand: EmailBrand;
  subject: string;
  heading: string;
  lines: string[];
  button: string;
  link: string;
  validity: string;
  testMode?: boolean;
}

/** A branded plain-text + HTML email with one button. */
function renderLinkEmail(email: LinkEmail): RenderedEmail {
  const color = safeColor(email.brand.primaryColor);
  const footer = email.brand.supportEmail
    ? `Questions? Write to ${email.brand.supportEmail}.`
    : "If you did not ask for this email, you can ignore it.";
  const test = email.testMode ? ["[TEST MODE] This link opens test data only.", ""] : [];
  const text = [
    ...test,
    email.heading,
    "",
    ...email.lines,
    "",
    `${email.button}: ${email.link}`,
    "",
    email.validity,
    "If you did not ask for this email, you can ignore it.",
    "",
    `— ${email.brand.name}`,
    ...(email.brand.supportEmail ? [footer] : []),
  ].join("\n");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(email.subject)}</title></head>
<body style="margin:0;background:#f6f7f9;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#111827">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:520px;background:#fff;border-radius:12px;border:1px solid #e5e7eb">
<tr><td style="padding:24px 28px;border-bottom:4px solid ${color}"><strong style="font-size:18px">${escape(email.brand.name)}</strong></td></tr>
<tr><td style="padding:28px">
${email.testMode ? `<p style="margin:0 0 16px;padding:8px 12px;border-radius:8px;background:#fff7ed;color:#9a3412">Test mode: this link opens test data only.</p>` : ""}
<h1 style="margin:0 0 16px;font-size:20px">${escape(email.heading)}</h1>
${email.lines.map((line) => `<p style="margin:0 0 12px;line-height:1.5">${escape(line)}</p>`).join("\n")}
<p style="margin:24px 0"><a href="${escape(email.link)}" style="display:inline-block;padding:12px 20px;border-radius:8px;background:${color};color:#fff;text-decoration:none;font-weight:600">${escape(email.button)}</a></p>
<p style="margin:0 0 8px;color:#6b7280;font-size:13px">${escape(email.validity)} If the button does not work, paste this address into your browser:</p>
<p style="margin:0;font-size:13px;word-break:break-all"><a href="${escape(email.link)}" style="color:${color}">${escape(email.link)}</a></p>
</td></tr>
<tr><td style="padding:16px 28px;color:#6b7280;font-size:12px;border-top:1px solid #e5e7eb">${escape(footer)}</td></tr>
</table></td></tr></table></body></html>`;
  return { subject: email.subject, text, html };
}

export function businessLoginEmail(brand: EmailBrand, link: string, testMode: boolean): RenderedEmail {
  return renderLinkEmail({
    brand,
    subject: `Your sign-in link for ${brand.name}`,
    heading: `Sign in to ${brand.name}'s billing portal`,
    lines: ["Use the button below to see your subscriptions, invoices and license keys."],
    button: "Open the billing portal",
    link,
    validity: "The link works once and expires in 10 minutes.",
    testMode,
  });
}

export function unifiedLoginEmail(link: string, businessNames: string[], testMode: boolean): RenderedEmail {
  const names = businessNames.slice(0, 5).join(", ") + (businessNames.length > 5 ? ` and ${businessNames.length - 5} more` : "");
  return renderLinkEmail({
    brand: BILLFOLD_BRAND,
    subject: "Your Billfold sign-in link",
    heading: "Sign in to all your purchases",
    lines: [`One sign-in opens your purchases at ${names}.`],
    button: "Open my purchases",
    link,
    validity: "The link works once and expires in 10 minutes.",
    testMode,
  });
}

export function inviteEmail(brand: EmailBrand, link: string, validity: string, testMode: boolean): RenderedEmail {
  return renderLinkEmail({
    brand,
    subject: `Your billing portal at ${brand.name}`,
    heading: `${brand.name} invited you to your billing portal`,
    lines: ["No password and no typing: the button below opens your subscriptions, invoices and license keys."],
    button: "Open the billing portal",
    link,
    validity,
    testMode,
  });
}

export function merchantLoginEmail(brand: EmailBrand, link: string): RenderedEmail {
  return renderLinkEmail({
    brand: { ...brand, supportEmail: null },
    subject: `Sign in to the ${brand.name} dashboard`,
    heading: `Your Billfold dashboard for ${brand.name}`,
    lines: ["Use the button below to manage customers, keys and settings."],
    button: "Open the dashboard",
    link,
    validity: "The link works once and expires in 10 minutes.",
  });
}

export function emailChangeConfirmEmail(link: string, newEmail: string): RenderedEmail {
  return renderLinkEmail({
    brand: BILLFOLD_BRAND,
    subject: "Confirm your new Billfold email",
    heading: "Confirm your new email",
    lines: [`You asked to use ${newEmail} for your purchases on Billfold. Confirm it with the button below.`, "Until you confirm, nothing changes."],
    button: "Confirm my new email",
    link,
    validity: "The link works once and expires in 1 hour.",
  });
}

/** A heads-up to the address being replaced; it carries no link, so it cannot be used to undo or confirm. */
export function emailChangeNoticeEmail(newEmail: string): RenderedEmail {
  const subject = "Your Billfold email is about to change";
  const lines = [
    `Someone signed in to your purchases asked to move them to ${newEmail}.`,
    "The change happens only when the new address confirms it.",
    "If this wasn't you, sign in and end your other sessions from your profile, and contact the businesses you buy from.",
  ];
  const text = [subject, "", ...lines, "", "— Billfold"].join("\n");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(subject)}</title></head>
<body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#111827">
<h1 style="font-size:20px">${escape(subject)}</h1>
${lines.map((line) => `<p style="line-height:1.5">${escape(line)}</p>`).join("\n")}
<p style="color:#6b7280;font-size:12px">— Billfold</p></body></html>`;
  return { subject, text, html };
}
