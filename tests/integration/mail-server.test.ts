import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { mailpitMessage, mailpitMessages, waitForMail } from '../support/mailpit.js';

/**
 * The tests' mail server: what a service sends over SMTP (SMTP_URL) is what the tests read back
 * from Mailpit's API (MAILPIT_URL), headers and bodies intact in a right-to-left script.
 */
describe('the mail server', () => {
  const subject = 'تأكيد تسجيل الوفد في الاجتماع التشاوري الإقليمي';
  const text = 'السيدة الرئيسة، تم تسجيل وفد كازاخستان. مع أطيب التحيات، الأمانة';
  const html = `<p dir="rtl" lang="ar">السيدة الرئيسة، <strong>تم تسجيل وفد كازاخستان</strong>.</p>`;

  it('keeps an Arabic message sent over SMTP, as sent', async () => {
    const to = `coordinator-${randomUUID()}@kaz.test`;
    const transport = createTransport(process.env.SMTP_URL);
    try {
      const sent = await transport.sendMail({
        from: { name: 'الأمانة', address: 'secretariat@plenary.test' },
        to: { name: 'منسق الوفد', address: to },
        subject,
        text,
        html,
        headers: { 'X-Plenary-Test': 'mail-server' },
      });
      expect(sent.accepted).toEqual([to]);

      const mail = await waitForMail((m) => m.To?.some((r) => r.Address === to) ?? false, 15_000, `to:${to}`);
      expect(mail.Subject).toBe(subject);
      expect(mail.From).toEqual({ Name: 'الأمانة', Address: 'secretariat@plenary.test' });
      expect(mail.To).toEqual([{ Name: 'منسق الوفد', Address: to }]);
      expect(mail.Text.trim()).toBe(text);
      expect(mail.HTML).toContain(html);
      expect(mail.headers['X-Plenary-Test']).toEqual(['mail-server']);
      expect(mail.headers['Message-Id']?.[0]).toBe(sent.messageId);

      // Found again by a search on its subject, and in the list of all messages.
      const found = await mailpitMessages(`subject:"${subject}" to:${to}`);
      expect(found.map((m) => m.ID)).toEqual([mail.ID]);
      expect((await mailpitMessages()).map((m) => m.ID)).toContain(mail.ID);
      expect((await mailpitMessage(mail.ID)).Text).toBe(mail.Text);
    } finally {
      transport.close();
    }
  });

  it('gives up on mail that never comes', async () => {
    const nobody = `nobody-${randomUUID()}@kaz.test`;
    await expect(waitForMail(() => true, 500, `to:${nobody}`)).rejects.toThrow(/no matching mail arrived/);
  });
});
