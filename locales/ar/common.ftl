page-title = { $page } · Kairos
skip-to-content = انتقل إلى المحتوى
scheduling-by-kairos = حجز المواعيد بواسطة Kairos
language-menu-label = اللغة
language-menu-change = تغيير
nav-label = القائمة الرئيسية
nav-home = الرئيسية
nav-event-types = أنواع المواعيد
nav-availability = الإتاحة
nav-calendars = التقويمات
nav-bookings = الحجوزات
nav-workflows = مسارات العمل
nav-teams = الفرق
nav-settings = الإعدادات
nav-admin = الإدارة
sign-out = تسجيل الخروج
idle-title = هل ما زلت هنا؟
idle-text = حفاظًا على أمانك، سيتم تسجيل خروجك خلال { $seconds } ثانية.
idle-stay = البقاء متصلًا
copy = نسخ
form-correct-fields = يُرجى تصحيح الحقول المميزة.
profile-language = اللغة
profile-language-organization = لغة المؤسسة
settings-default-language = اللغة الافتراضية
settings-default-language-hint = لصفحات الحجز عندما لا يطلب المتصفح أي لغة يتحدثها Kairos، وللأشخاص الذين لم يختاروا لغة.

# A field's error under it: the field's label, then why it was refused.
field-error = { $label } { $reason }
