# الإدارة: الأشخاص والدعوات وإعدادات النسخة والصفحات التابعة لها.

admin-title = الإدارة
admin-intro = من يمكنه تسجيل الدخول، وكيف تعمل هذه النسخة.
admin-back-to-admin = العودة إلى الإدارة
admin-calendar-sync = مزامنة التقويمات
admin-status = الحالة
admin-set-up = مُعدّ
admin-not-set-up = غير مُعدّ
admin-client-id = معرّف العميل
admin-client-secret = سر العميل
admin-redirect-uri = عنوان URI لإعادة التوجيه

## الأشخاص والدعوات

admin-people = الأشخاص
admin-role = { $role ->
        [owner] المالك
        [admin] مسؤول
       *[member] عضو
    }
admin-disabled = معطّل
admin-no-password = لم يعيّن كلمة مرور بعد
admin-since = منذ { $date }
admin-enable = تفعيل
admin-disable = تعطيل
admin-disable-confirm = تعطيل { $name }؟ سيُسجَّل خروجه فورًا.
admin-create-account = إنشاء حساب
admin-create-account-hint = ستحصل على رابط لمرة واحدة، صالح لمدة { $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }، ليختار الشخص كلمة مروره.
admin-name = الاسم
admin-email = البريد الإلكتروني
admin-role-label = الدور
admin-role-member = عضو
admin-role-admin = مسؤول
admin-create-account-button = إنشاء الحساب
admin-invitations = الدعوات
admin-invitations-hint = يتلقى الشخص رابطًا لمرة واحدة، صالحًا لمدة { $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }، ليختار اسمه وكلمة مروره. يُرسَل بالبريد الإلكتروني إذا كان خادم البريد مُعدًّا؛ وإلا فانسخه أنت.
admin-send-invitation = إرسال الدعوة
admin-no-invitations = لا توجد دعوات معلّقة.
admin-pending = معلّقة
admin-expires = تنتهي في { $date }
admin-revoke-confirm = إبطال الدعوة الموجهة إلى { $email }؟ سيتوقف الرابط عن العمل.
admin-revoke = إبطال
admin-account-created = تم إنشاء حساب لـ { $name }.
admin-invitation-emailed = أُرسلت الدعوة بالبريد الإلكتروني إلى { $email }.
admin-invitation-link-works = يعمل الرابط مرة واحدة خلال { $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }.
admin-invitation-created = أُنشئت دعوة لـ { $email }.
admin-not-emailed-invitation = تعذّر إرسالها بالبريد الإلكتروني ({ $reason }).
admin-invitation-send-link = أرسل إليه هذا الرابط الصالح لمرة واحدة. لا يُعرض إلا الآن ويعمل مرة واحدة خلال { $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }:
admin-invitation-link = رابط الدعوة
admin-account-link-emailed = أرسلنا إلى { $email } رابطًا لمرة واحدة لاختيار كلمة المرور. يعمل مرة واحدة خلال { $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }.
admin-not-emailed-link = تعذّر إرسال الرابط بالبريد الإلكتروني ({ $reason }).
admin-account-link-send = أرسل إليه هذا الرابط الصالح لمرة واحدة لاختيار كلمة المرور. لا يُعرض إلا الآن ويبقى صالحًا لمدة { $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }:
admin-one-time-link = رابط لمرة واحدة

## إعدادات النسخة

admin-instance = النسخة
admin-public-address-hint = مثل https://book.example.org. قيمة base_url في ملف الإعداد لها الأولوية على هذه.
admin-signup = من يمكنه الانضمام
admin-signup-closed = مغلق: المسؤولون وحدهم ينشئون الحسابات
admin-signup-invite = بالدعوة فقط: ينضم الأشخاص عبر رابط لمرة واحدة
admin-signup-hint = لا توجد صفحة تسجيل عامة في الحالتين.
admin-embed-origins = المواقع التي يمكنها تضمين صفحات الحجز
admin-embed-origins-hint = مصدر واحد في كل سطر، مثل https://www.example.org. إذا تُرك فارغًا: لا يمكن لأي موقع عرضها داخل إطار. لا يمكن أبدًا تضمين لوحة التحكم في إطار.
admin-require-mfa = اشتراط التحقق بخطوتين
admin-require-mfa-off = معطّل: يختار كل شخص بنفسه
admin-require-mfa-administrators = للمسؤولين
admin-require-mfa-everyone = للجميع
admin-require-mfa-hint = يُعدّه المعنيّون فور تسجيل الدخول ولا يمكنهم فعل أي شيء آخر قبل ذلك.
admin-audit-retention = الاحتفاظ بسجل التدقيق لمدة (سنوات)
admin-audit-retention-hint = تُحذف الإدخالات الأقدم يوميًا، ويبقى السجل قابلًا للتحقق. يشترط HIPAA ست سنوات.
admin-limit-event-type = الحجوزات الجديدة لكل نوع موعد في الساعة
admin-limit-event-type-hint = من صفحات الحجز وواجهة API معًا؛ وبعد تجاوزها يُطلب من الأشخاص المحاولة لاحقًا. 0: بلا حد.
admin-limit-host = الحجوزات الجديدة لكل مضيف في الساعة
admin-limit-host-hint = على جميع أنواع مواعيد المضيف. لا يخضع المضيفون الذين يحجزون أنواع مواعيدهم الخاصة لهذا الحد. 0: بلا حد.
admin-idle = تسجيل الخروج بعد عدم النشاط
admin-idle-hint = قبل ذلك بدقيقة، تسأل الصفحة ما إذا كان الشخص لا يزال موجودًا.
admin-idle-minutes = { $minutes ->
        [zero] { $minutes } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $minutes } دقائق
        [many] { $minutes } دقيقة
       *[other] { $minutes } دقيقة
    }
admin-idle-hours = { $hours ->
        [zero] { $hours } ساعة
        [one] ساعة واحدة
        [two] ساعتان
        [few] { $hours } ساعات
        [many] { $hours } ساعة
       *[other] { $hours } ساعة
    }
admin-idle-option = { $time } ({ $fits })
admin-minimum-necessary = الحد الأدنى الضروري في الرسائل
admin-minimum-necessary-hint = تبقى الإجابات والملاحظات خارج رسائل البريد الإلكتروني والرسائل النصية وخطافات الويب؛ فهي لا تحمل إلا الوقت والمكان والروابط. تظل لوحة التحكم تعرض كل شيء لمن يُسمح لهم برؤيته.
admin-allow-private = السماح بالخوادم في الشبكة الخاصة
admin-allow-private-hint = لمستقبلي خطافات الويب وبوابة الرسائل النصية وخادم البريد وموفّر تسجيل الدخول الموحّد داخل شبكتك (10.x، ‏172.16–31.x، ‏192.168.x، ‏100.64–127.x، ‏fc00::/7)؛ ويمكن عندئذ لخادم البريد والبوابة والموفّر أن تعمل أيضًا على هذا الجهاز (localhost). تُرفض دائمًا عناوين الارتباط المحلي وبيانات السحابة الوصفية وغيرها من العناوين ذات الأغراض الخاصة.
admin-save-settings = حفظ الإعدادات

## سجل التدقيق

admin-audit-title = سجل التدقيق
admin-audit-intro = من فعل ماذا، ومن أين. الأحدث أولًا؛ تعرض الصفحة حتى { $limit } صف، ويضم التنزيل كل الصفوف المطابقة.
admin-audit-action = الإجراء
admin-audit-actor = الفاعل
admin-audit-anyone = الجميع
admin-audit-actor-kind = { $kind ->
        [user] مستخدم
        [api_key] مفتاح API
        [invitee] مدعو
        [system] النظام
        [anonymous] مجهول
       *[other] { $kind }
    }
admin-audit-actor-id = معرّف الفاعل
admin-audit-from = من
admin-audit-to = إلى
admin-audit-filter = تصفية
admin-audit-download-csv = تنزيل CSV
admin-audit-download-json = تنزيل JSON
admin-audit-time = الوقت (UTC)
admin-audit-object = الكائن
admin-audit-outcome = النتيجة
admin-audit-outcome-value = { $outcome ->
        [success] نجاح
        [failure] إخفاق
        [denied] مرفوض
       *[other] { $outcome }
    }
admin-audit-address = العنوان
admin-audit-user-agent = وكيل المستخدم

## البريد الإلكتروني: خادم البريد

smtp-server = الخادم
smtp-port = المنفذ
smtp-security = الأمان
smtp-security-starttls = STARTTLS: اتصال عادي تتم ترقيته إلى TLS
smtp-security-tls = TLS من البداية
smtp-security-none = بلا: فقط لمُرحِّل على شبكة موثوقة
smtp-security-hint = عادةً المنفذ 587 مع STARTTLS، و465 مع TLS.
smtp-username = اسم المستخدم
smtp-username-hint = فقط إذا طلب الخادم تسجيل الدخول.
smtp-password = كلمة المرور
smtp-password-stored = توجد كلمة مرور محفوظة. اتركه فارغًا للإبقاء عليها.
smtp-password-new = تُحفظ مشفّرة ولا تُعرض مرة أخرى.
smtp-from-address = عنوان المُرسِل
smtp-from-name = اسم المُرسِل
smtp-from-name-placeholder = مؤسستك

admin-email-title = البريد الإلكتروني
admin-email-intro = خادم البريد الذي يرسل Kairos عبره تأكيدات الحجز والطلبات والتغييرات. من دونه لا يُرسَل أي بريد إلكتروني.
admin-email-server = خادم البريد
admin-email-save = حفظ خادم البريد
admin-email-test = إرسال رسالة اختبار
admin-email-save-first = احفظ خادم بريد أولًا.
admin-email-test-hint = يرسل رسالة قصيرة عبر الخادم المحفوظ. إذا فشل ذلك، سترى رد الخادم.
admin-email-send-to = إرسال إلى
admin-email-send-test = إرسال بريد اختبار
admin-email-test-sent = أُرسلت رسالة الاختبار إلى { $to }.
admin-email-test-not-sent = لم تُرسَل رسالة الاختبار.
admin-email-server-answered = ردّ خادم البريد:
admin-email-test-failed = لم تُرسَل رسالة الاختبار: { $reason }.

## الرسائل النصية

admin-sms-title = الرسائل النصية
admin-sms-intro = يرسل Kairos الرسائل النصية (التذكيرات ورسائل مسارات العمل) عبر بوابة HTTP تختارها.
admin-sms-gateway = البوابة
admin-sms-unreadable = لا يمكن قراءة إعدادات البوابة المحفوظة بمفتاح هذه النسخة. أدخلها مرة أخرى.
admin-sms-not-set-up = غير مُعدّة: لا تُرسَل أي رسائل نصية
admin-sms-url = عنوان URL للبوابة
admin-sms-url-hint = يرسل Kairos إليه طلب POST واحدًا لكل رسالة. تتطلب عناوين الشبكة الخاصة إعداد النسخة الذي يسمح بها.
admin-sms-auth-header = ترويسة المصادقة
admin-sms-auth-header-hint = إذا تُرك فارغًا: لا تُرسَل أي ترويسة.
admin-sms-header-value = قيمة الترويسة
admin-sms-header-value-stored = محفوظة مشفّرة. اتركه فارغًا للإبقاء عليها.
admin-sms-header-value-new = مثل Bearer … أو Basic …؛ تُحفظ مشفّرة.
admin-sms-body-format = صيغة المحتوى
admin-sms-body-form = نموذج (application/x-www-form-urlencoded)
admin-sms-body-format-invalid = يجب أن يكون JSON أو نموذجًا
admin-sms-body-template = قالب المحتوى
admin-sms-body-template-hint = { $to } هو رقم الهاتف و{ $body } هو الرسالة. في JSON يصبحان سلسلتين بين علامتي اقتباس: { $json }؛ وفي النموذج قيمتين مرمّزتين: { $form }.
admin-sms-save = حفظ البوابة
admin-sms-remove-confirm = إزالة بوابة الرسائل النصية؟ لن يرسل Kairos بعدها أي رسائل نصية.
admin-sms-remove = إزالة البوابة
admin-sms-twilio = إعداد مسبق متوافق مع Twilio
admin-sms-twilio-intro = يملأ البوابة لواجهة Messages API من Twilio، أو لخدمة تحاكيها: محتوى نموذج بالحقول To وFrom وBody، ومصادقة Basic بمعرّف Account SID ورمز Auth Token.
admin-sms-account-sid = Account SID
admin-sms-auth-token = Auth Token
admin-sms-sender = رقم المُرسِل
admin-sms-api-base = عنوان API
admin-sms-api-base-hint = عنوان Twilio نفسه ما لم تذكر الخدمة غير ذلك.
admin-sms-use-preset = استخدام الإعداد المسبق
admin-sms-test = إرسال رسالة نصية تجريبية
admin-sms-test-hint = يرسل رسالة قصيرة الآن ويعرض ما ردّت به البوابة.
admin-sms-phone = رقم الهاتف
admin-sms-send-test = إرسال رسالة تجريبية
admin-sms-test-taken = قبلت البوابة رسالة الاختبار: HTTP { $status } خلال { $ms } ملّي ثانية.
admin-sms-it-answered = ردّت:
admin-sms-test-failed = لم تُرسَل رسالة الاختبار: { $reason }.
admin-sms-gateway-answered = ردّت البوابة:
admin-sms-set-up-first = أعِدّ بوابة أولًا.

## المهام في الخلفية

admin-jobs-title = المهام في الخلفية
admin-jobs-intro = رسائل البريد الإلكتروني والأعمال الأخرى التي تُنجز بعد أي تغيير. تُعاد المهمة الفاشلة بفواصل متزايدة (ساعة على الأكثر بين كل محاولة) لمدة { $hours ->
        [zero] { $hours } ساعة
        [one] ساعة واحدة
        [two] ساعتين
        [few] { $hours } ساعات
        [many] { $hours } ساعة
       *[other] { $hours } ساعة
    } من موعد استحقاقها، ثم تصبح متوقفة حتى تعيد تشغيلها.
admin-jobs-intro-reminders = التذكير الذي تعذّر إرساله قبل بدء موعده يصبح متوقفًا ويذكر ذلك.
admin-jobs-times-in = الأوقات بتوقيت { $zone }.
admin-jobs-failing = فاشلة
admin-jobs-none-failing = لا شيء يفشل.
admin-jobs-dead = متوقفة
admin-jobs-none-dead = لم تتوقف أي مهمة.
admin-jobs-running = قيد التشغيل
admin-jobs-none-running = لا شيء قيد التشغيل.
admin-jobs-waiting = في الانتظار
admin-jobs-none-waiting = لا شيء في الانتظار.
admin-jobs-retry-dead = إعادة تشغيل كل المهام المتوقفة
admin-job-retry = إعادة المحاولة الآن
admin-job-number = المهمة { $id }
admin-job-lane = المسار { $lane }
admin-job-runs = تعمل في { $time }
admin-job-attempts = المحاولات: { $attempts }
admin-job-attempts-of = المحاولات: { $attempts } من { $cap }
admin-job-updated = حُدّثت في { $time }
admin-job-retried-until = تُعاد حتى { $time }
admin-job-why = السبب
admin-job-notify = تحضير رسائل البريد الخاصة بتغيير في حجز
admin-job-email = إرسال بريد إلكتروني لحجز
admin-job-workflow = تنفيذ خطوة من مسار عمل
admin-job-webhook = تسليم خطاف ويب
admin-job-sync = مزامنة تقويم مرتبط
admin-job-retention = حذف إدخالات التدقيق بعد انتهاء مدة الاحتفاظ بها
admin-job-workflow-step = مسار العمل «{ $workflow }»: { $action ->
        [EMAIL_ATTENDEE] مراسلة الحاضر بالبريد
        [EMAIL_HOST] مراسلة المضيف بالبريد
        [EMAIL_ADDRESS] مراسلة عنوان بالبريد
        [SMS_ATTENDEE] رسالة نصية إلى الحاضر (رقم هاتفه المُدخل)
        [SMS_NUMBER] رسالة نصية إلى رقم
       *[WEBHOOK] استدعاء خطاف ويب
    }
admin-jobs-trouble = هناك مهام في الخلفية تفشل:
admin-jobs-trouble-failing = { $count } فاشلة ({ $kinds })
admin-jobs-trouble-dead = { $count } متوقفة ({ $kinds })
admin-jobs-trouble-since = تُعاد أقدمها منذ { $time }.
admin-jobs-trouble-check = تحقّق من خادم البريد أو بوابة الرسائل النصية أو مستقبلي خطافات الويب المذكورين هناك: { $link }.

## تسجيل الدخول الموحّد

admin-sso-title = تسجيل الدخول الموحّد
admin-sso-intro = اسمح للأشخاص بتسجيل الدخول عبر موفّر OpenID Connect الخاص بمؤسستك (Keycloak وEntra ID وOkta وAuthentik و…).
admin-sso-provider = موفّر الهوية
admin-sso-enabled = عرض تسجيل الدخول الموحّد في صفحة تسجيل الدخول
admin-sso-enabled-hint = يتحقق Kairos من مستند الاكتشاف لدى الموفّر عند الحفظ.
admin-sso-issuer = عنوان URL للجهة المُصدِرة
admin-sso-issuer-hint = تمامًا كما تسمّيه رموز الهوية لدى الموفّر. لا يتصل Kairos إلا بهذا المضيف.
admin-sso-secret-stored = يوجد سر محفوظ (مشفّر بمفتاح النسخة). اتركه فارغًا للإبقاء عليه.
admin-sso-secret-new = من إعدادات العميل لدى الموفّر. اتركه فارغًا لعميل عام (PKCE وحده).
admin-sso-clear-secret = إزالة سر العميل المحفوظ
admin-sso-button-label = نص الزر
admin-sso-button-placeholder = تسجيل الدخول الموحّد
admin-sso-only = تسجيل الدخول الموحّد فقط
admin-sso-only-hint = يُخفي نموذج كلمة المرور ويرفض تسجيل الدخول بكلمة المرور للجميع.
admin-sso-save = حفظ تسجيل الدخول الموحّد
admin-sso-at-provider = لدى الموفّر
admin-sso-register = أنشئ عميل OpenID Connect سريًا بتدفق رمز التفويض وPKCE (S256)، وسجّل عنوان URI لإعادة التوجيه هذا:
admin-sso-matching = يطلب Kairos النطاقات openid وemail وprofile. يُربط الأشخاص بالحسابات الموجودة والمفعّلة عبر عنوان بريدهم الإلكتروني، الذي يجب أن يعلّمه الموفّر بأنه موثّق (email_verified). لا تُنشأ الحسابات تلقائيًا. لا ينطبق التحقق بخطوتين الخاص بـ Kairos على تسجيل الدخول الموحّد: بل ينطبق تحقق الموفّر.
admin-sso-break-glass = الوصول في حالات الطوارئ
admin-sso-break-glass-text = إذا تعطّل الموفّر بينما «تسجيل الدخول الموحّد فقط» مفعّل، فلا يزال بإمكان المالك الدخول من صدفة الخادم: اضبط { $setting } في kairos.toml (أو KAIROS_ALLOW_PASSWORD_SIGN_IN=true) وأعد التشغيل، ثم شغّل { $command } للحصول على رابط كلمة مرور لمرة واحدة. يُسجَّل كلٌّ من تسجيل الدخول وإعادة التعيين في سجل التدقيق.
admin-sso-override = { $setting } مضبوط: يبقى نموذج كلمة المرور متاحًا

## التكاملات

admin-integrations-title = التكاملات
admin-integrations-intro = الخدمات السحابية التي يمكن للمضيفين ربطها. تستخدم كل منها تطبيقًا تسجّله مؤسستك لدى المورّد.
admin-integrations-secret-stored = يوجد سر محفوظ (مشفّر بمفتاح النسخة) ولن يُعرض مرة أخرى. اتركه فارغًا للإبقاء عليه.
admin-integrations-remove = إزالة { $vendor }: لن يتمكن المضيفون من ربطه، وستتوقف الحسابات المرتبطة عن المزامنة
admin-integrations-save = حفظ { $vendor }
admin-microsoft-client-id = معرّف التطبيق (العميل)
admin-microsoft-tenant = معرّف الدليل (المستأجر)
admin-microsoft-tenant-hint = معرّف الدليل أو النطاق الخاص بمؤسستك (contoso.onmicrosoft.com)، كي لا تتصل إلا حساباتها؛ أو { $common } لأي حساب Microsoft للعمل أو الدراسة أو شخصي.

admin-google-intro = يربط المضيفون تقويمات Google الخاصة بهم بتسجيل الدخول: تحجب أحداثهم أوقاتهم، وتُكتب الحجوزات في التقويم الذي يختارونه. إلى أن يُعدّ تطبيق هنا، لا يرى المضيفون Google ولا يتصل به Kairos أبدًا.
admin-google-secret-from = من عميل OAuth الذي تنشئه في وحدة تحكم Google Cloud.
admin-google-at = لدى Google
admin-google-step-project = في وحدة تحكم Google Cloud، أنشئ مشروعًا وفعّل { $api }.
admin-google-step-consent = أعِدّ شاشة موافقة OAuth (داخلية لمؤسسة Workspace) بالنطاقين { $events } و{ $readonly }.
admin-google-step-client = أنشئ معرّف عميل OAuth من النوع { $kind } بعنوان URI لإعادة التوجيه المصرّح به هذا، ثم الصق معرّف العميل وسرّه في الأعلى:
admin-google-leaves = ما يغادر هذا الجهاز: أوقات الحجوزات وعناوينها المكتوبة في تقويم Google الخاص بالمضيف (ومع تفعيل «الحد الأدنى الضروري» لا أسماء ولا إجابات ولا ملاحظات)، والاستعلامات عن أحداث المضيف، التي يختصرها Kairos إلى أوقات مشغولة.

admin-microsoft-intro = يربط المضيفون تقويمات Microsoft 365 أو Outlook.com الخاصة بهم بتسجيل الدخول: تحجب أحداثهم أوقاتهم، وتُكتب الحجوزات في التقويم الذي يختارونه. إلى أن يُعدّ تطبيق هنا، لا يرى المضيفون Microsoft ولا يتصل بها Kairos أبدًا.
admin-microsoft-secret-from = قيمة سر عميل تضيفه ضمن «الشهادات والأسرار» في مركز إدارة Microsoft Entra.
admin-microsoft-at = لدى Microsoft
admin-microsoft-step-register = في مركز إدارة Microsoft Entra، افتح { $registrations } وسجّل تطبيقًا جديدًا: الحسابات في دليل هذه المؤسسة فقط (ثم أدخل معرّف الدليل (المستأجر) في الأعلى)، أو في أي دليل والحسابات الشخصية (ثم اترك { $common }).
admin-microsoft-step-permissions = ضمن { $permissions }، أضف أذونات Microsoft Graph المفوّضة { $readwrite } و{ $offline }.
admin-microsoft-step-secret = ضمن { $secrets }، أضف سر عميل والصق قيمته في الأعلى مع معرّف التطبيق (العميل).
admin-microsoft-step-platform = ضمن { $authentication }، أضف النظام الأساسي { $web } بعنوان URI لإعادة التوجيه هذا:
admin-microsoft-leaves = ما يغادر هذا الجهاز: أوقات الحجوزات وعناوينها المكتوبة في تقويم Microsoft الخاص بالمضيف (ومع تفعيل «الحد الأدنى الضروري» لا أسماء ولا إجابات ولا ملاحظات)، والاستعلامات عن أحداث المضيف، التي يختصرها Kairos إلى أوقات مشغولة.

admin-zoom-intro = يربط المضيفون حساب Zoom الخاص بهم بتسجيل الدخول، ويمكن عندئذ أن تُعقد أنواع المواعيد على Zoom: ينشئ Kairos اجتماع Zoom لكل حجز، وينقله عند نقل الحجز ويحذفه عند إلغاء الحجز. إلى أن يُعدّ تطبيق هنا، لا يرى المضيفون Zoom ولا يتصل به Kairos أبدًا.
admin-zoom-secret-from = من تطبيق OAuth الذي تنشئه في Zoom App Marketplace (App Credentials).
admin-zoom-at = لدى Zoom
admin-zoom-step-app = في Zoom App Marketplace، اختر { $menu } وأنشئ { $app } (يديره المستخدم)، أو تطبيق OAuth.
admin-zoom-step-scopes = أضف النطاقات اللازمة لإنشاء الاجتماعات وتحديثها وحذفها ولقراءة المستخدم ({ $write } و{ $read }، أو ما يعادلها من نطاقات تفصيلية).
admin-zoom-step-redirect = أدخل عنوان URL لإعادة التوجيه هذا (وفي قائمة السماح الخاصة بـ OAuth أيضًا)، ثم الصق معرّف العميل والسر في الأعلى:
admin-zoom-leaves = ما يغادر هذا الجهاز: عنوان كل حجز على Zoom ووقته ومدته، وسطر في جدول الأعمال يذكر معرّف الحجز. لا أسماء مدعوين ولا عناوين بريد ولا إجابات ولا ملاحظات.

admin-error-has-account = ينتمي بالفعل إلى حساب
admin-error-invited = لديه دعوة معلّقة بالفعل؛ ألغِها لإرسال دعوة جديدة

admin-smtp-error-host = يجب أن يكون اسم مضيف أو عنوان IP
admin-smtp-error-port = يجب أن يكون رقمًا بين 1 و65535
admin-smtp-error-security = يجب أن تكون القيمة none أو STARTTLS أو TLS
admin-smtp-error-username = مطلوب عند إدخال كلمة مرور

admin-sms-error-header-name = يجب أن يكون اسم ترويسة مثل Authorization أو X-Api-Key
admin-sms-error-header-for-value = مطلوب عند إدخال قيمة
admin-sms-error-no-body = يجب أن يحتوي على {"{body}"}، أي نص الرسالة
admin-sms-error-no-to = يجب أن يحتوي على {"{to}"}، أي رقم الهاتف
admin-sms-error-json = ليس JSON صالحًا بعد تعويض {"{to}"} و{"{body}"} (يصبحان سلسلتين نصيتين بين علامتي اقتباس: {"{\"to\": {to}, \"text\": {body}}"})
admin-sms-error-sid = يجب أن يكون معرّف SID الخاص بالحساب (حروف وأرقام)

admin-sso-error-required = مطلوب لتفعيل تسجيل الدخول الموحّد
admin-sso-error-only = يتطلب تفعيل تسجيل الدخول الموحّد، وإلا فلن يتمكن أحد من تسجيل الدخول
admin-sso-error-issuer-url = يجب أن يكون عنوان URL مثل https://id.example.org/realms/clinic، وليس { $issuer }
admin-sso-error-issuer-query = يجب أن يكون عنوان URL بلا استعلام أو جزء
admin-sso-error-issuer-http = يجب أن يستخدم https://
admin-sso-error-issuer-scheme = يجب أن يبدأ بـ https://
