set-sections = الأقسام
set-profile = الملف الشخصي
set-password = كلمة المرور
set-two-step = التحقق بخطوتين
set-sessions = الجلسات
set-api-keys = مفاتيح API
set-name = الاسم
set-username = اسم المستخدم
set-username-hint = صفحة الحجز الخاصة بك: { $url }
set-bio = نبذة عنك
set-bio-hint = جملة أو جملتان لصفحتك العامة.
set-time-zone = المنطقة الزمنية
set-week-organization = اختيار المؤسسة
set-clock = الساعة
set-clock-24 = نظام 24 ساعة (13:30)
set-clock-12 = نظام 12 ساعة (1:30 م)
set-save-profile = حفظ الملف الشخصي
set-current-password = كلمة المرور الحالية
set-new-password = كلمة المرور الجديدة
set-new-password-hint = 12 حرفًا على الأقل.
set-repeat-password = أعد كتابة كلمة المرور الجديدة
set-change-password = تغيير كلمة المرور
set-on = مفعّل
set-off = متوقف
set-two-step-text = بعد كلمة المرور، رمز من 6 أرقام من تطبيق على هاتفك: كلمة مرور مسروقة وحدها لم تعد تفتح حسابك.
set-manage = إدارة
set-set-up = إعداد
set-idle = { $minutes ->
        [zero] يُسجَّل خروجك بعد { $minutes } دقيقة دون نشاط، بعد دقيقة من التنبيه.
        [one] يُسجَّل خروجك بعد دقيقة واحدة دون نشاط، بعد دقيقة من التنبيه.
        [two] يُسجَّل خروجك بعد دقيقتين دون نشاط، بعد دقيقة من التنبيه.
        [few] يُسجَّل خروجك بعد { $minutes } دقائق دون نشاط، بعد دقيقة من التنبيه.
        [many] يُسجَّل خروجك بعد { $minutes } دقيقة دون نشاط، بعد دقيقة من التنبيه.
       *[other] يُسجَّل خروجك بعد { $minutes } دقيقة دون نشاط، بعد دقيقة من التنبيه.
    }
set-sign-out-everywhere-text = هل بقيت مسجّل الدخول على حاسوب آخر؟ أنهِ كل الجلسات، ومنها هذه الجلسة.
set-sign-out-everywhere-confirm = تسجيل الخروج على كل الأجهزة، ومنها هذا الجهاز؟
set-sign-out-everywhere = تسجيل الخروج في كل مكان
set-api-keys-text = تستخدم البرامج مفتاحًا للتصرف نيابةً عنك عبر الـ API. أرسله على شكل { $header }.
set-no-keys = لا توجد مفاتيح API
set-no-keys-text = أنشئ مفتاحًا لكل برنامج يحتاج إلى الوصول، حتى تتمكن من إبطالها واحدًا تلو الآخر.
set-key-created = أُنشئ في { $date }
set-key-last-used = آخر استخدام في { $date }
set-key-never-used = لم يُستخدم قط
set-revoke-confirm = إبطال «{ $name }»؟ ستتوقف البرامج التي تستخدمه عن العمل.
set-revoke = إبطال
set-new-key-name = اسم المفتاح الجديد
set-new-key-placeholder = التكامل مع الموقع
set-create-key = إنشاء مفتاح
set-new-key = مفتاح API الجديد الخاص بك. انسخه الآن: لن يُعرض إلا مرة واحدة.
set-api-key = مفتاح API

mfa-code = الرمز من التطبيق
mfa-wrong-code = ليس الرمز الحالي؛ تحقق من الوقت على هاتفك وجرّب الرمز التالي
mfa-protected = محمي
mfa-on-text = يطلب تسجيل الدخول رمزًا من تطبيق المصادقة بعد كلمة المرور.
mfa-codes-left = رموز الاحتياط المتبقية: { $left } من { $total }.
mfa-new-codes = رموز احتياط جديدة
mfa-new-codes-hint = فقدتها أو استخدمت معظمها؟ تحل الرموز الجديدة محل كل الرموز السابقة.
mfa-current-code = الرمز الحالي المكوّن من 6 أرقام.
mfa-make-new-codes = إنشاء رموز احتياط جديدة
mfa-turn-off-title = إيقاف التحقق بخطوتين
mfa-required-hint = تشترط مؤسستك التحقق بخطوتين: بعد إيقافه يجب عليك إعداده من جديد قبل أن تتمكن من المتابعة.
mfa-turn-off-confirm = إيقاف التحقق بخطوتين؟ ستتوقف رموز الاحتياط عن العمل أيضًا.
mfa-turn-off = إيقاف
mfa-required = تشترط مؤسستك التحقق بخطوتين. أعدّه للمتابعة.
mfa-setup-title = إعداد التحقق بخطوتين
mfa-setup-text = رمز من هاتفك، إلى جانب كلمة المرور، في كل مرة تسجّل فيها الدخول.
mfa-scan = امسح رمز QR هذا
mfa-scan-text = استخدم تطبيق مصادقة، مثل Aegis أو FreeOTP أو Google Authenticator أو 1Password.
mfa-qr-label = رمز QR لتطبيق المصادقة
mfa-type-key = أو اكتب هذا المفتاح
mfa-type-key-text = أدخله في التطبيق كمفتاح قائم على الوقت من 6 أرقام.
mfa-setup-key = مفتاح الإعداد
mfa-enter-code = أدخل الرمز
mfa-enter-code-text = اكتب الرمز الذي يعرضه التطبيق الآن.
mfa-code-hint = 6 أرقام؛ رمز جديد كل 30 ثانية.
mfa-turn-on = تفعيل
mfa-enabled = التحقق بخطوتين مفعّل.
mfa-codes-replaced = رموز احتياط جديدة: لم تعد الرموز السابقة تعمل.
mfa-codes-title = رموز الاحتياط الخاصة بك: احفظها في مكان آمن
mfa-codes-text = يتيح لك كل رمز تسجيل الدخول مرة واحدة عندما لا يكون هاتفك في متناول يدك. لا تُعرض إلا الآن: اطبعها أو احفظها في مدير كلمات المرور.
mfa-copy-all = نسخ الكل
mfa-continue = متابعة
