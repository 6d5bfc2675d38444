access-booking-hosts = لا يمكن تغيير هذا الحجز إلا لمضيفيه ولمسؤولي الفريق
access-team-admins = لا يمكن تغيير الفريق إلا لمسؤوليه
access-administrators = لا يمكن القيام بهذا إلا للمسؤولين
access-own-account = لا يمكنك تعطيل حسابك
access-owner-account = لا يمكن تعطيل حساب المالك
access-invite = لا يمكن دعوة الأشخاص إلا للمسؤولين
access-team-workflows = لا يمكن إضافة مسارات عمل إلى فريق إلا لمسؤولي الفريق
