# asyncmod-test: --unsafe-fixes
from app import mail, sms


class Notifier:
	async def notify(self, user):
		if user.active:
			email_id = await mail.send(user.email)  # rewrite: CRLF and tabs survive
			sms_id = await sms.send(user.phone)
			return email_id, sms_id
