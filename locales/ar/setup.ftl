setup-title = إعداد Kairos
setup-progress = تقدّم الإعداد
setup-step-account = الحساب
setup-step-organization = المؤسسة
setup-step-email = البريد الإلكتروني
setup-step-done = تم
setup-required = الإعداد مطلوب
setup-required-text = لم يتم إعداد نسخة Kairos هذه بعد.
setup-required-where = يجد المسؤول رابط الإعداد لمرة واحدة في مخرجات `kairos serve` أو في سجله (في تثبيت النظام: `journalctl -u kairos`).
setup-required-valid = الرابط صالح لمدة 30 دقيقة؛ وإعادة تشغيل Kairos تطبع رابطًا جديدًا.
setup-link-invalid = رابط الإعداد هذا غير صالح
setup-link-invalid-title = رابط الإعداد غير صالح
setup-link-invalid-why = ربما انتهت صلاحيته (تدوم الروابط 30 دقيقة)، أو استُخدم من قبل، أو نُسخ ناقصًا.
setup-link-invalid-what = أعد تشغيل Kairos لطباعة رابط إعداد جديد، وافتحه خلال 30 دقيقة.
setup-welcome = مرحبًا بك في Kairos
setup-welcome-text = أنشئ حساب المالك. يدير هذه النسخة ويمكنه دعوة الجميع.
setup-password-hint = 12 حرفًا على الأقل. بضع كلمات لا رابط بينها تصنع كلمة مرور قوية.
setup-password-repeat = أعد كتابة كلمة المرور
setup-create-account = إنشاء الحساب والمتابعة
setup-organization = مؤسستك
setup-organization-text = تظهر هذه البيانات في صفحات الحجز وفي الرسائل. يمكنك تغييرها لاحقًا.
setup-organization-name = اسم المؤسسة
setup-public-address-hint = العنوان الذي يصل به الناس إلى هذه النسخة، مثل https://book.example.org.
setup-first-day = أول أيام الأسبوع
setup-installation = ما نوع هذا التثبيت؟
setup-installation-hint = يسجّل Kairos خروج الأشخاص بعد فترة دون نشاط: مبكرًا حيث قد يرى الآخرون الشاشة، ومتأخرًا على حاسوب شخصي. يمكن للمسؤولين تغيير ذلك لاحقًا.
setup-installation-kind = نوع التثبيت
setup-installation-shared = عيادة أو مركز طبي: شاشات قد يراها الآخرون أو يستخدمونها
setup-installation-office = فريق: كلٌّ على حاسوبه الخاص
setup-installation-personal = أنا فقط، على حاسوبي الخاص
setup-finish = إنهاء الإعداد
setup-email-text = يرسل Kairos رسائل التأكيد والطلبات والتغييرات بالبريد إلى من يحجزون وإلى المضيفين. أدخل خادم البريد الآن، أو تخطَّ هذه الخطوة وأكملها لاحقًا من الإدارة ← البريد الإلكتروني.
setup-save-finish = حفظ وإنهاء
setup-skip = تخطٍّ الآن
setup-signed-out-after = تسجيل الخروج بعد { $minutes ->
        [60] ساعة واحدة
        [240] 4 ساعات
        [480] 8 ساعات
       *[other] { $minutes } دقيقة
    }
