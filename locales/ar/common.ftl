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
js-zone-detected = منطقتك الزمنية (المكتشفة)
js-zone-search = البحث في المناطق الزمنية
js-passwords-differ = كلمتا المرور غير متطابقتين.
js-choose-one = اختر خيارًا واحدًا على الأقل.
js-guest-email = البريد الإلكتروني للضيف { $n }
js-sending = جارٍ الإرسال…
js-copied = تم النسخ
event-type-language = لغة الصفحة
event-type-language-visitor = لغة الزائر
event-type-language-hint = تكون صفحات الحجز ورسائل البريد إلى المدعوين بهذه اللغة، أيًا كانت لغة المتصفح.

notice-signed-out = تم تسجيل خروجك.
notice-password-changed = تم تغيير كلمة المرور. سجّل الدخول بالكلمة الجديدة.
notice-setup-complete = اكتمل الإعداد. مرحبًا بك في Kairos.
notice-session-ended = انتهت جلستك. سجّل الدخول مرة أخرى للمتابعة.
notice-signed-out-everywhere = تم تسجيل خروجك من كل الأجهزة.
notice-second-factor-expired = استغرق تسجيل الدخول وقتًا طويلًا. أدخل بريدك الإلكتروني وكلمة المرور مرة أخرى.
notice-unlocked = يمكن لهذا المتصفح تسجيل الدخول إلى حسابك مجددًا.

location-phone = الهاتف: { $number }
location-link-coming = (يجري إنشاء الرابط وسيصل عبر البريد الإلكتروني)
notice-shown-once-gone = ما عُرض هنا مرة واحدة لم يعد معروضًا. إذا لم تنسخه، فأنشئ واحدًا جديدًا.
host-event-booked-by = حجزه { $name } <{ $email }>
host-event-hosts = المضيفون: { $names }
host-event-open = فتح الحجز: { $link }

zone-label = { $city } · { $zone } ({ $offset })
zone-label-city = { $city } ({ $offset })
zone-utc = UTC (التوقيت العالمي المنسق)
zone-region = { $region ->
        [Africa] أفريقيا
        [America] أمريكا
        [Antarctica] القارة القطبية الجنوبية
        [Arctic] القطب الشمالي
        [Asia] آسيا
        [Atlantic] المحيط الأطلسي
        [Australia] أستراليا
        [Europe] أوروبا
        [Indian] المحيط الهندي
        [Pacific] المحيط الهادئ
       *[other] { $region }
    }
